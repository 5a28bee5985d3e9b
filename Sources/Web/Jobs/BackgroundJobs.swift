import Logging
import ServiceLifecycle
import Vapor

/// One of `serve`'s background jobs, run as a ServiceLifecycle `Service` (issue 13): its work at once and then every
/// `interval`; an error is logged and the next round still comes; a graceful shutdown ends it between rounds (the
/// sleep is cut short, a round in progress finishes).
struct PeriodicJob: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    /// One round; returns a line worth logging (nil: nothing happened).
    let work: @Sendable () async throws -> String?

    /// A job whose round counts what it did: `describe` words a count above zero for the log.
    static func counting(_ name: String, every interval: Duration, logger: Logger, _ describe: @escaping @Sendable (Int) -> String,
                         _ work: @escaping @Sendable () async throws -> Int) -> PeriodicJob {
        PeriodicJob(name: name, interval: interval, logger: logger) {
            let n = try await work()
            return n > 0 ? describe(n) : nil
        }
    }

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do { if let line = try await work() { logger.info("\(name): \(line)") } }
            catch { logger.error("\(name): \(error)") }
            let interval = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

/// `serve`'s jobs: each claims its work in the database, so several instances never do a thing twice.
public enum BackgroundJobs {
    static func services(_ app: Application) -> [PeriodicJob] {
        [
            // Hourly: the Matchingday follow-up questions that have come due (claimed per agreement) and the daily
            // overviews that are due; separate jobs, so one failing never holds up the other.
            PeriodicJob.counting("follow-ups", every: .seconds(3600), logger: app.logger, { "sent \($0) Matchingday follow-up question(s)" }) {
                try await sendDueFollowUps(app)
            },
            PeriodicJob.counting("daily overviews", every: .seconds(3600), logger: app.logger, { "sent \($0) daily overview(s)" }) {
                try await sendNotificationDigests(app)
            },
            // Every ten minutes: sessions past their end and login attempts older than the throttle's window.
            PeriodicJob(name: "sweep", interval: .seconds(600), logger: app.logger) {
                let n = try await Sweep.run(app.db)
                return n.sessions + n.attempts > 0 ? "swept \(n.sessions) session(s), \(n.attempts) login attempt(s)" : nil
            },
            // Every 30 seconds: the newsletter's next recipients, then the mail queue (each message claimed once).
            PeriodicJob.counting("newsletter", every: .seconds(30), logger: app.logger, { "queued \($0) newsletter message(s)" }) {
                try await sendNewsletters(app)
            },
            PeriodicJob.counting("mail queue", every: .seconds(30), logger: app.logger, { "delivered \($0) queued mail(s)" }) {
                try await deliverQueuedMail(app)
            },
        ]
    }

    /// Runs `app` with its jobs in one ServiceLifecycle group: when the server stops (Vapor handles SIGINT and
    /// SIGTERM), the jobs are shut down gracefully and awaited before `serve` returns.
    public static func run(_ app: Application) async throws {
        let group = ServiceGroup(services: services(app), gracefulShutdownSignals: [], cancellationSignals: [], logger: app.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do { try await app.execute() } catch { await group.triggerGracefulShutdown(); try? await tasks.waitForAll(); throw error }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
