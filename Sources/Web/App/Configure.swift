import Domain
import Fluent
import Persistence
import Reports
import Vapor

/// What to do with an empty database at start-up.
public enum SeedPolicy: Sendable {
    /// Load the embedded Amsterdam 2012–2014 programme when the database holds no records (the default for `serve`).
    case embeddedIfEmpty
    case none
}

/// Sets up a Masterplan application: database, migrations, optional seed, middleware and routes.
public func configure(_ app: Application, database: DatabaseLocation, seed: SeedPolicy) async throws {
    try database.configure(app)
    try await prepare(app, seed: seed)
}

/// Everything after registering the database: migrations, seed, middleware, routes.
public func prepare(_ app: Application, seed: SeedPolicy) async throws {
    // A mistyped setting stops the start naming the variable, instead of a silent default at every request.
    app.settings = try AppSettings.parse(ProcessInfo.processInfo.environment)
    app.storage[Application.DatasetCacheKey.self] = DatasetCache()
    app.storage[Application.CountCacheKey.self] = CountCache()
    app.storage[Application.DashboardCacheKey.self] = VersionedCache<DashboardPage>(limit: 8)
    app.storage[Application.DashboardHTMLKey.self] = VersionedCache<String>(limit: 8)
    app.storage[Application.ReportCacheKey.self] = VersionedCache<ProgrammeReport>(limit: 16)
    app.storage[Application.APICacheKey.self] = VersionedCache<Data?>(limit: 8)
    app.storage[Application.MetricsKey.self] = AppMetrics()
    if app.storage[Application.PublicBaseKey.self] == nil {
        // Commands and tests: the configured address, else the default listening address (serve sets its own).
        app.publicBaseURL = try PublicAddress.resolve(Environment.get("MASTERPLAN_BASE_URL"), production: false, hostname: "127.0.0.1", port: 8080)
    }
    try await SQLiteTuning.apply(app.databases)
    try await app.autoMigrate()
    if seed == .embeddedIfEmpty {
        let store = RecordStore(app.db)
        if try await store.recordCount() == 0 {
            let data = try EmbeddedDataset.load()
            try await store.replace(with: data)
            try await ExampleMatchingday.load(into: app.db)
            try await ExampleTransportWeek.load(into: app.db)
            app.logger.info("Loaded the embedded dataset: \(data.recordCount) records from \(EmbeddedDataset.directory().path)")
        }
    }
    if app.environment == .testing { app.passwords.use(.bcrypt(cost: 4)) }
    // Sessions live in the database, so several instances behind one PostgreSQL share them.
    app.sessions.use { _ in DatabaseSessions() }
    let secure = app.settings.secureCookies ?? (app.environment == .production)
    app.secureCookies = secure
    app.trustedProxies = try TrustedProxies(parsing: Environment.get("MASTERPLAN_TRUSTED_PROXIES") ?? "")
    if app.storage[MailSenderKey.self] == nil, let smtp = try MailSettings.sender(environment: ProcessInfo.processInfo.environment) {
        app.mailSender = smtp
    }
    app.sessions.configuration = SessionsConfiguration(cookieName: "masterplan-session") { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(sessionLifetime), path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
    app.middleware = Middlewares()
    app.middleware.use(AccessLogMiddleware(json: app.settings.jsonLog))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ProblemMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(AccessMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(TextInputMiddleware())
    app.middleware.use(CoverageMiddleware())
    routes(app)
}

/// Registers every route. Each one declares its `Access` rule.
public func routes(_ app: Application) {
    HealthRoutes.register(app)
    MetricsRoutes.register(app)
    PageRoutes().register(app)
    ProgrammeRoutes().register(app)
    ReportRoutes().register(app)
    AuthRoutes().register(app)
    AccountRoutes().register(app)
    EditRoutes().register(app)
    EditRoutes().registerLedRecords(app)
    AdminRoutes().register(app)
    NetworkDeskRoutes().register(app)
    MatchingdayRoutes().register(app)
    NewsletterRoutes().register(app)
    NewsletterAdminRoutes().register(app)
    NotificationRoutes().register(app)
    APIRoutes.register(app)
}
