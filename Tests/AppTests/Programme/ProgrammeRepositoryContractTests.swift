import Domain
import Foundation
@testable import Persistence
import Testing
import Vapor
@testable import Web

/// Issue 13: the programme's edits behind one seam. `SQLProgrammeRepository` checks one record in SQL inside its
/// transaction; `InMemoryProgrammeRepository` checks the whole dataset (`Dataset.violations`), the definition. The same
/// generated edits — valid ones, a taken key, an unknown reference in every reference column, a stale version, a changed
/// key — get the same answer (done, or refused naming the same column) from both, and leave the same slices.
@Suite struct ProgrammeRepositoryContractTests {
    typealias Outcome = DeskRepositoryContractTests

    /// `record` with some columns given as data-file text; nil when the text does not decode.
    static func with<R: Record>(_ record: R, _ changes: [String: String]) -> R? {
        guard let cells = try? RowCodec.encode(record) else { return nil }
        var values = Dictionary(cells.map { ($0.column, $0.cell.text ?? "") }, uniquingKeysWith: { a, _ in a })
        for (k, v) in changes { values[k] = v }
        return try? RowCodec.decode(R.self, from: TextCells(values))
    }

    static func keyColumn<R: Record>(_ record: R) -> String? {
        guard let cells = try? RowCodec.encode(record) else { return nil }
        return ["id", "key"].first { name in cells.contains { $0.column == name && $0.cell == .text(record.key) } }
    }

    /// An outcome with the column a refusal names.
    static func outcome(_ body: () async throws -> Void) async -> String {
        do { try await body(); return "ok" }
        catch StoreError.invalid(let v) { return "refused at \(v.entity).\(v.column)" }
        catch is ChangedMeanwhile { return "changed meanwhile" }
        catch { return "\(type(of: error))" }
    }

    /// The edits for one table, given to `repo`.
    static func edits<R: Record>(_ table: WritableKeyPath<Dataset, [R]>, _ data: Dataset, _ repo: any ProgrammeRepository, tag: String) async -> [(String, String)] {
        var log: [(String, String)] = []
        let rows = Array(data[keyPath: table].prefix(3))
        guard let first = rows.first, let key = keyColumn(first) else { return [] }
        let text = (try? RowCodec.encode(first))?.first { c in
            if case .text = c.cell { return c.column != key && !Dataset.references.contains { $0.entity == R.entity && $0.column == c.column } } else { return false }
        }?.column
        for (i, row) in rows.enumerated() {
            if let copy = with(row, [key: "c-\(tag)-\(i)"]) { log.append(("add a copy \(i)", await outcome { try await repo.add(copy, actor: "t") })) }
            log.append(("add with a taken key \(i)", await outcome { try await repo.add(row, actor: "t") }))
            for reference in Dataset.references where reference.entity == R.entity {
                if let bad = with(row, [key: "c-\(tag)-ref-\(i)-\(reference.column)", reference.column: "bestaat-niet"]) {
                    log.append(("add with unknown \(reference.column) \(i)", await outcome { try await repo.add(bad, actor: "t") }))
                    log.append(("edit to unknown \(reference.column) \(i)", await outcome { try await repo.update(with(row, [reference.column: "bestaat-niet"]) ?? row, expected: row, actor: "t") }))
                }
            }
            if let text, let edited = with(row, [text: "Gewijzigd \(i)"]) {
                log.append(("edit \(text) \(i)", await outcome { try await repo.update(edited, expected: row, actor: "t") }))
                log.append(("edit from the old version \(i)", await outcome { try await repo.update(with(row, [text: "Oud \(i)"]) ?? row, expected: row, actor: "t") }))
                if let renamed = with(edited, [key: "c-\(tag)-renamed-\(i)"]) {
                    log.append(("change the key \(i)", await outcome { try await repo.update(renamed, expected: edited, actor: "t") }))
                }
            }
        }
        return log
    }

    static func all(_ data: Dataset, _ repo: any ProgrammeRepository) async -> [(String, String)] {
        var log: [(String, String)] = []
        log += await edits(\.funding, data, repo, tag: "f")
        log += await edits(\.fundingApplications, data, repo, tag: "fa")
        log += await edits(\.timeline, data, repo, tag: "tl")
        log += await edits(\.projectTargets, data, repo, tag: "pt")
        log += await edits(\.projects, data, repo, tag: "p")
        log += await edits(\.indicators, data, repo, tag: "i")
        log += await edits(\.targets, data, repo, tag: "t")
        log += await edits(\.organizations, data, repo, tag: "o")
        log += await edits(\.memberships, data, repo, tag: "m")
        return log
    }

    @Test func theSameEditsGetTheSameAnswersAndLeaveTheSameData() async throws {
        try await withMasterplan { app in
            let data = try await RecordStore(app.db).dataset()
            let sql = SQLProgrammeRepository(app.db), memory = InMemoryProgrammeRepository(data)
            let a = await Self.all(data, sql), b = await Self.all(data, memory)
            #expect(a.map(\.0) == b.map(\.0))
            var differing: [String] = []
            for ((name, x), (_, y)) in zip(a, b) where x != y { differing.append("\(name): SQL \(x), memory \(y)") }
            #expect(differing.isEmpty, "\(differing)")
            #expect(a.count > 100)
            #expect(a.contains { $0.1 == "ok" } && a.contains { $0.1.hasPrefix("refused at") } && a.contains { $0.1 == "changed meanwhile" })
            #expect(a.filter { $0.0.hasPrefix("add with a taken key") }.allSatisfy { $0.1.hasSuffix(".key") })
            let entities: Set<String> = [Funding.entity, FundingApplication.entity, TimelineEntry.entity, ProjectTarget.entity, Project.entity,
                                         Indicator.entity, Target.entity, Organization.entity, Membership.entity, Observation.entity]
            let x = try await sql.slice(entities), y = try await memory.slice(entities)
            #expect(x == y)
        }
    }
}
