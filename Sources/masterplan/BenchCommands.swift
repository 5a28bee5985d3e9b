import ArgumentParser
import Foundation
import Optimization

/// `masterplan bench …`: solver entry points for benchmarks against other solvers on the same files.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a solver on an instance file and print one JSON line.",
                                                    subcommands: [Allocate.self])

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
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("{\"cost\": \(solution.cost), \"seconds\": \(String(format: "%.6f", seconds))}")
        }
    }
}
