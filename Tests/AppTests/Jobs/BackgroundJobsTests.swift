import Foundation
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
@testable import Web

/// Issue 13: `serve`'s jobs run as ServiceLifecycle services. A job does its work at once and every interval, goes on
/// after an error, and a graceful shutdown ends it between rounds, even in the middle of an hour's sleep.
@Suite struct BackgroundJobsTests {
    final class Rounds: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
        var count: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
    struct Failure: Error {}

    struct Timeout: Error {}

    /// Runs `job` until `done` holds, then shuts it down gracefully; returns how long the job took to end after the
    /// shutdown. A job that does not end within `limit` fails the test (instead of hanging it for an hour).
    @discardableResult
    static func run(_ job: PeriodicJob, until done: @escaping @Sendable () -> Bool, within limit: Duration = .seconds(120)) async throws -> Duration {
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await job.run() }
                while !done() { try await Task.sleep(for: .milliseconds(5)) }
                let triggered = ContinuousClock.now
                trigger.triggerGracefulShutdown()
                group.addTask { try await Task.sleep(for: limit); throw Timeout() }
                try await group.next()
                group.cancelAll()
                return ContinuousClock.now - triggered
            }
        }
    }

    @Test func aJobRepeatsGoesOnAfterAnErrorAndStopsAtGracefulShutdown() async throws {
        let rounds = Rounds()
        let job = PeriodicJob(name: "test", interval: .milliseconds(10), logger: Logger(label: "test")) {
            if rounds.next() == 2 { throw Failure() }
            return nil
        }
        try await Self.run(job, until: { rounds.count >= 5 })
        let stopped = rounds.count
        #expect(stopped >= 5, "it went on after the error in round 2")
        try await Task.sleep(for: .milliseconds(50))
        #expect(rounds.count == stopped, "nothing runs after the shutdown")
    }

    @Test func anHourlyJobEndsPromptlyAtGracefulShutdown() async throws {
        let rounds = Rounds()
        let job = PeriodicJob(name: "hourly", interval: .seconds(3600), logger: Logger(label: "test")) { _ = rounds.next(); return "ran" }
        let ended = try await Self.run(job, until: { rounds.count >= 1 })
        #expect(rounds.count == 1, "the work ran at once, and once")
        // Generous for a loaded machine (the suite runs in parallel); an uncut sleep would take the hour.
        #expect(ended < .seconds(60), "the hour's sleep was cut short (\(ended))")
    }

    @Test func serveRunsItsFiveJobs() async throws {
        try await withMasterplan { app in
            #expect(BackgroundJobs.services(app).map(\.name) == ["follow-ups", "daily overviews", "sweep", "newsletter", "mail queue"])
        }
    }
}
