// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: masterplan → Web/Reports → Persistence → Domain.
// Optimization depends on nothing of ours.
let package = Package(
    name: "masterplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "masterplan", targets: ["masterplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        // XLSX in and out (municipal staff live in Excel): the archive and its XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", from: "0.18.2"),
        // The SMTP client (no SMTP package in the package set): SwiftNIO and NIOSSL, which Vapor uses already.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // /metrics in the Prometheus text format.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(name: "Domain", dependencies: ["Optimization"]),
        // Pure optimisation: no Vapor, no Fluent, nothing of ours; builds and tests in seconds.
        .target(name: "Optimization"),
        .target(name: "Persistence", dependencies: [
            "Domain",
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        .target(name: "Reports", dependencies: [
            "Domain",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "XMLCoder", package: "XMLCoder"),
        ]),
        // Sending mail: the message format and a small SMTP client; nothing of ours.
        .target(name: "SMTP", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "Web", dependencies: [
            "Domain", "Persistence", "Reports", "Optimization", "SMTP",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "masterplan", dependencies: [
            "Web", "Persistence", "Domain", "Optimization", "Reports", "SMTP",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Vapor", package: "vapor"),
        ]),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "Optimization"]),
        .testTarget(name: "SMTPTests", dependencies: ["SMTP"]),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Domain", "ZIPFoundation"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AppTests", dependencies: [
            "Web", "Persistence", "Domain", "Reports",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
        ]),
    ]
)
