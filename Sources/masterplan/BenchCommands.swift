import ArgumentParser
import Domain
import Foundation
import Optimization
import Persistence
import Reports

/// `masterplan bench …`: solver entry points for benchmarks against other solvers on the same files.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Benchmark entry points; each prints one JSON line.",
                                                    subcommands: [Allocate.self, MatchingdayBench.self, ReportBench.self, TransportBench.self, VRPTWBench.self])

    /// Seconds of a duration, for JSON.
    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    /// Peak resident memory of this process (Linux /proc), in MiB; nil elsewhere.
    static func peakMemoryMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "") else { return nil }
        return kb / 1024
    }

    struct MatchingdayBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "matchingday",
            abstract: "Schedule a Matchingday instance (JSON) for the most total weight.",
            discussion: """
            Reads {"rounds": R, "tables": T, "schools": S, "companies": C, "pairs": [[school, company, weight], …],
            "avail_schools": [[0|1 per round] per school], "avail_companies": […]} and prints {"objective": …,
            "upper_bound": …, "seconds": …, "meetings": [[school, company, round, table], …]} (reading excluded).
            """)
        @ArgumentParser.Argument(help: "An instance file.") var file: String
        @ArgumentParser.Option(help: "Local-search steps after the greedy schedule (partial presence).") var iterations: Int = 200
        @ArgumentParser.Option(help: "Steps of the plateau walk after the search (partial presence).") var walk: Int = 150
        @ArgumentParser.Option(help: "Subgradient steps of the Lagrangian bound (partial presence).") var boundSteps: Int = 250
        @ArgumentParser.Option(help: "Seed of the local search.") var seed: UInt64 = 1

        struct Input: Decodable {
            var rounds: Int, tables: Int, schools: Int, companies: Int
            var pairs: [[Int]]
            var avail_schools: [[Int]]?
            var avail_companies: [[Int]]?
        }

        func run() async throws {
            let input: Input
            do { input = try JSONDecoder().decode(Input.self, from: Data(contentsOf: URL(fileURLWithPath: file))) }
            catch { throw ValidationError("\(file): \(error)") }
            guard input.pairs.allSatisfy({ $0.count == 3 }) else { throw ValidationError("\(file): every pair is [school, company, weight]") }
            var inst = MatchingdayInstance(
                rounds: input.rounds, tables: input.tables, schools: input.schools, companies: input.companies,
                pairs: input.pairs.map { .init(school: $0[0], company: $0[1], weight: $0[2]) },
                schoolPresence: (input.avail_schools ?? []).map { $0.map { $0 != 0 } },
                companyPresence: (input.avail_companies ?? []).map { $0.map { $0 != 0 } })
            inst.fairnessFirst = false
            inst.searchIterations = iterations; inst.walkSteps = walk; inst.boundIterations = boundSteps; inst.seed = seed
            if let problem = inst.problems().first { throw ValidationError("\(file): \(problem)") }
            let clock = ContinuousClock()
            let start = clock.now
            let schedule = MatchingdayScheduler.solve(inst)
            let seconds = Bench.seconds(clock.now - start)
            let meetings = schedule.meetings.map { "[\($0.school), \($0.company), \($0.round), \($0.table)]" }.joined(separator: ", ")
            print("{\"objective\": \(schedule.objective), \"upper_bound\": \(schedule.upperBound), \"seconds\": \(String(format: "%.6f", seconds)), \"meetings\": [\(meetings)]}")
        }
    }

    struct ReportBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Time the programme report as HTML from a database: read, build and render, repeated.",
            discussion: "Prints {\"runs\": …, \"min_seconds\": …, \"median_seconds\": …, \"peak_mib\": …, \"bytes\": …}; the database is opened once, outside the timing.")
        @OptionGroup var span: PeriodOptions
        @ArgumentParser.Option(help: "How many times.") var runs: Int = 5
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let period = try span.period()
            let (times, bytes) = try await withApplication(db.location, seed: .none) { app -> ([Double], Int) in
                let clock = ContinuousClock()
                var times: [Double] = [], bytes = 0
                for _ in 0..<max(1, runs) {
                    let start = clock.now
                    let input = try await RecordStore(app.db).reportInput(period: period)
                    bytes = ReportHTML.document(ProgrammeReport.build(from: input, period: period, lang: .nl)).utf8.count
                    times.append(Bench.seconds(clock.now - start))
                }
                return (times.sorted(), bytes)
            }
            let peak = Bench.peakMemoryMiB().map { String(format: "%.1f", $0) } ?? "null"
            print("{\"runs\": \(times.count), \"min_seconds\": \(String(format: "%.4f", times[0])), \"median_seconds\": \(String(format: "%.4f", times[times.count / 2])), \"peak_mib\": \(peak), \"bytes\": \(bytes)}")
        }
    }

    struct Allocate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a minimum-cost flow instance in DIMACS 'p min' format.",
            discussion: "Prints {\"cost\": …, \"seconds\": …}: the optimal cost and the solve time (reading excluded).")
        @ArgumentParser.Argument(help: "A DIMACS min-cost-flow file.") var file: String

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch { throw ValidationError("\(file): cannot read the file") }
            let network: FlowNetwork
            do { network = try DIMACS.parse(text) } catch { throw ValidationError("\(file): \(error)") }
            let clock = ContinuousClock()
            let start = clock.now
            let solution: FlowSolution
            do { solution = try MinCostFlow.solve(network) } catch { throw ValidationError("\(file): \(error)") }
            print("{\"cost\": \(solution.cost), \"seconds\": \(String(format: "%.6f", Bench.seconds(clock.now - start)))}")
        }
    }
}
