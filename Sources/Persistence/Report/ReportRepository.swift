import Domain
import FluentKit

/// Indicators & report behind one seam (issue 13): what the yearly report reads for a period. `SQLReportRepository`
/// reads the small tables whole and counts the large ones in SQL (`RecordStore.reportInput`, `platformFigures`);
/// `InMemoryReportRepository` computes from the whole dataset and the desk's records, which is the definition.
/// `ReportRepositoryContractTests` holds the reports built from both equal, period by period.
public protocol ReportRepository: Sendable {
    /// The programme's figures for `period`, its agreements listed up to `listLimit`.
    func reportInput(period: ReportPeriod, listLimit: Int) async throws -> ReportInput
    /// What the platform's own records count for `period` and the one before.
    func platformFigures(period: ReportPeriod, today: PartialDate) async throws -> PlatformFigures
}

extension ReportRepository {
    /// The input with the platform's figures, as the report page and `masterplan report` use it.
    public func input(period: ReportPeriod, today: PartialDate, listLimit: Int = ReportInput.defaultListLimit) async throws -> ReportInput {
        var input = try await reportInput(period: period, listLimit: listLimit)
        input.platform = try await platformFigures(period: period, today: today)
        return input
    }
}

public struct SQLReportRepository: ReportRepository {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    public func reportInput(period: ReportPeriod, listLimit: Int) async throws -> ReportInput {
        try await RecordStore(database).reportInput(period: period, listLimit: listLimit)
    }
    public func platformFigures(period: ReportPeriod, today: PartialDate) async throws -> PlatformFigures {
        try await RecordStore(database).platformFigures(period: period, today: today)
    }
}

/// The whole dataset and the desk's requests and agreements in memory.
public struct InMemoryReportRepository: ReportRepository {
    public let data: Dataset
    public let requests: [NetworkRequest]
    public let agreements: [ActivityAgreement]
    public init(_ data: Dataset, requests: [NetworkRequest] = [], agreements: [ActivityAgreement] = []) {
        self.data = data; self.requests = requests; self.agreements = agreements
    }

    public func reportInput(period: ReportPeriod, listLimit: Int) async throws -> ReportInput {
        ReportInput(whole: data, period: period, listLimit: listLimit)
    }
    public func platformFigures(period: ReportPeriod, today: PartialDate) async throws -> PlatformFigures {
        PlatformFigures.compute(requests: requests, agreements: agreements, memberships: data.memberships,
                                organizations: Dictionary(data.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), period: period, today: today)
    }
}
