import Domain
import Fluent
import Persistence
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
    try await app.autoMigrate()
    if seed == .embeddedIfEmpty {
        let store = RecordStore(app.db)
        if try await store.recordCount() == 0 {
            let data = try EmbeddedDataset.load()
            try await store.replace(with: data)
            app.logger.info("Loaded the embedded dataset: \(data.recordCount) records from \(EmbeddedDataset.directory().path)")
        }
    }
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ProblemMiddleware())
    routes(app)
}

/// Registers every route. Each one declares its `Access` rule.
public func routes(_ app: Application) {
    PageRoutes().register(app)
    APIRoutes.register(app)
}
