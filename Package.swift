// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Triage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "triage", targets: ["triage"]),
        .library(name: "TriageCore", targets: ["TriageCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Catalog model, loading, lint, search, decision-tree engine, transcripts. Never imports ncurses.
        .target(name: "TriageCore", dependencies: [.product(name: "Yams", package: "Yams")]),

        // Diagnosis sessions in SQLite (GRDB, the system libsqlite3): the `SessionStore` of TriageCore.
        .target(name: "TriageStore", dependencies: ["TriageCore", .product(name: "GRDB", package: "GRDB.swift")]),

        // The shipped catalog/ folder, carried inside the binary as generated Swift source: the YAML text, and the
        // catalog compiled at build time (embed-catalog links TriageCore to load and validate it).
        .target(name: "BuiltinCatalog", plugins: ["EmbedCatalogPlugin"]),
        .executableTarget(name: "embed-catalog", dependencies: ["TriageCore"], path: "Sources/Tools/embed-catalog"),
        .plugin(name: "EmbedCatalogPlugin", capability: .buildTool(), dependencies: ["embed-catalog"],
                path: "Sources/Tools/EmbedCatalogPlugin"),

        // The full-screen UI as pure functions: state + key -> state, state -> cell buffer. No ncurses.
        .target(name: "TriageUI", dependencies: ["TriageCore"]),

        // The only code that touches the terminal.
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TriageTerminal", dependencies: ["CNcurses", "TriageUI"]),

        // The `triage` command line: parses arguments, formats output, wires the pieces together.
        .executableTarget(
            name: "triage",
            dependencies: [
                "TriageCore", "TriageStore", "TriageUI", "TriageTerminal", "BuiltinCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Speed and memory benchmark: `swift run -c release triage-bench`; `triage-bench generate` writes big catalogs.
        .target(name: "CatalogGenerator"),
        .executableTarget(name: "triage-bench", dependencies: ["TriageCore", "TriageUI", "BuiltinCatalog", "CatalogGenerator"]),

        // Writes many sessions into one database, for the concurrency test (8 of these at once).
        .executableTarget(name: "session-store-stress", dependencies: ["TriageCore", "TriageStore", "BuiltinCatalog"],
                          path: "Tests/SessionStoreStress"),

        .target(name: "TestSupport", dependencies: ["TriageCore", "BuiltinCatalog"], path: "Tests/TestSupport"),
        .testTarget(name: "TriageCoreTests", dependencies: ["TriageCore", "BuiltinCatalog", "TestSupport"]),
        .testTarget(name: "TriageUITests", dependencies: ["TriageUI", "TriageCore", "TestSupport"]),
        .testTarget(name: "TriageCLITests", dependencies: ["TestSupport", "TriageTerminal", "TriageUI"]),
        .testTarget(name: "BenchmarkTests", dependencies: ["CatalogGenerator", "TriageCore", "BuiltinCatalog", "TestSupport"]),
        .testTarget(name: "TriageStoreTests", dependencies: [
            "TriageStore", "TriageCore", "BuiltinCatalog", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
