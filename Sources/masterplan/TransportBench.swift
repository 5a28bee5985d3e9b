import ArgumentParser
import Foundation
import Optimization

extension Bench {
    /// `masterplan bench transport FILE`: an excursion day (pickup and delivery with time windows, one vehicle type).
    struct TransportBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "transport",
            abstract: "Plan vehicles for a day of trips (pickup and delivery with time windows) from a JSON file.",
            discussion: """
            Reads {"capacity": Q, "fixed_cost": F, "horizon": [0, H], "depot": 0, "distance": [[…]], "duration": [[…]],
            "trips": [{"from": i, "to": j, "pickup": [e, l], "delivery": [e, l], "pickup_service": s,
            "delivery_service": s, "size": n}, …]} (integers) and prints {"cost": F × vehicles + distance, "vehicles": …,
            "distance": …, "seconds": …, "routes": [[[trip, "p"|"d"], …], …]} after checking the plan independently.
            """)
        @ArgumentParser.Argument(help: "An instance file.") var file: String
        @ArgumentParser.Option(help: "Seconds the search may use.") var timeLimit: Double = 10
        @ArgumentParser.Option(help: "Seed of the search.") var seed: UInt64 = 1

        struct Trip: Decodable {
            var from: Int, to: Int, pickup: [Int], delivery: [Int], pickup_service: Int, delivery_service: Int, size: Int
        }
        struct Input: Decodable {
            var capacity: Int, fixed_cost: Int, horizon: [Int], depot: Int
            var distance: [[Int]], duration: [[Int]]
            var trips: [Trip]
        }

        func run() async throws {
            let input: Input
            do { input = try JSONDecoder().decode(Input.self, from: Data(contentsOf: URL(fileURLWithPath: file))) }
            catch { throw ValidationError("\(file): \(error)") }
            let n = input.distance.count
            guard input.horizon.count == 2, input.distance.allSatisfy({ $0.count == n }), input.duration.count == n,
                  input.duration.allSatisfy({ $0.count == n }) else {
                throw ValidationError("\(file): horizon is [start, end]; distance and duration are square matrices of one size")
            }
            for (i, t) in input.trips.enumerated() where t.pickup.count != 2 || t.delivery.count != 2 {
                throw ValidationError("\(file): trip \(i): pickup and delivery are [earliest, latest]")
            }
            let problem = TransportProblem(
                locationCount: n, distance: input.distance.flatMap { $0.map(Double.init) }, duration: input.duration.flatMap { $0.map(Double.init) },
                requests: input.trips.map { t in
                    .init(pickup: .init(location: t.from, early: Double(t.pickup[0]), late: Double(t.pickup[1]), service: Double(t.pickup_service)),
                          delivery: .init(location: t.to, early: Double(t.delivery[0]), late: Double(t.delivery[1]), service: Double(t.delivery_service)),
                          load: .init(seats: t.size))
                },
                vehicleTypes: [.init(capacity: .init(seats: input.capacity), fixedCost: Double(input.fixed_cost), depot: input.depot,
                                     early: Double(input.horizon[0]), late: Double(input.horizon[1]))])
            if let problem = problem.problems().first { throw ValidationError("\(file): \(problem)") }
            let clock = ContinuousClock()
            let start = clock.now
            let result = TransportPlanner(timeLimit: .milliseconds(Int(timeLimit * 1000)), seed: seed).solve(problem)
            let seconds = Bench.seconds(clock.now - start)
            let schedule: TransportValidator.Schedule
            switch TransportValidator.check(problem, result.solution) {
            case .success(let s): schedule = s
            case .failure(let v): throw ValidationError("the plan is invalid: " + v.messages.prefix(5).joined(separator: "; "))
            }
            let routes = result.solution.routes.map { r in
                "[" + r.visits.map { "[\($0.request), \"\($0.isPickup ? "p" : "d")\"]" }.joined(separator: ", ") + "]"
            }.joined(separator: ", ")
            let unserved = result.solution.unserved.isEmpty ? "" : ", \"unserved\": \(result.solution.unserved)"
            print("{\"cost\": \(Int(schedule.cost.rounded())), \"vehicles\": \(result.solution.vehicles), \"distance\": \(Int(schedule.distance.rounded())), \"seconds\": \(String(format: "%.3f", seconds)), \"iterations\": \(result.iterations)\(unserved), \"routes\": [\(routes)]}")
        }
    }

    /// `masterplan bench vrptw FILE`: Solomon's format, fewest vehicles then distance.
    struct VRPTWBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vrptw",
            abstract: "Solve a Solomon VRPTW instance: fewest vehicles, then shortest distance (not rounded).",
            discussion: "Prints {\"vehicles\": …, \"distance\": …, \"seconds\": …, \"routes\": [[customer, …], …]} after checking the plan independently.")
        @ArgumentParser.Argument(help: "A Solomon instance file.") var file: String
        @ArgumentParser.Option(help: "Seconds the search may use.") var timeLimit: Double = 10
        @ArgumentParser.Option(help: "Seed of the search.") var seed: UInt64 = 1

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch { throw ValidationError("\(file): cannot read the file") }
            let problem: TransportProblem
            do { problem = try SolomonFormat.parse(text) } catch { throw ValidationError("\(file): \(error)") }
            let clock = ContinuousClock()
            let start = clock.now
            let result = TransportPlanner(timeLimit: .milliseconds(Int(timeLimit * 1000)), seed: seed).solve(problem)
            let seconds = Bench.seconds(clock.now - start)
            guard case .success(let schedule) = TransportValidator.check(problem, result.solution), result.solution.unserved.isEmpty else {
                throw ValidationError("the plan is invalid: " + TransportValidator.violations(problem, result.solution).prefix(5).joined(separator: "; "))
            }
            let routes = result.solution.routes.map { "[" + $0.visits.map { String($0.request + 1) }.joined(separator: ", ") + "]" }.joined(separator: ", ")
            print("{\"vehicles\": \(result.solution.vehicles), \"distance\": \(String(format: "%.2f", schedule.distance)), \"seconds\": \(String(format: "%.3f", seconds)), \"iterations\": \(result.iterations), \"routes\": [\(routes)]}")
        }
    }
}
