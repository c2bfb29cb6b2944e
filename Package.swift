// swift-tools-version:6.1
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
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0"),
        // The team store's PostgreSQL client (TriageTeam).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // The terminal toolkit: cell buffer, styled text, keys, the program protocol, widgets. Knows nothing of
        // Triage and depends on nothing (the ratatui-core + bubbles analogue).
        .target(name: "TerminalKit"),

        // Catalog model, sources and loading, lint, the compiled catalog and its cache, search, the explainer, the
        // decision-tree engine, transcripts, the sessions store protocol, where Triage keeps its files
        // (`TriagePaths`), the binary codec. Never imports ncurses: TerminalKit for `TerminalSafe` (the one
        // sanitizer), and `WordWrap` and `oneLine` for line mode and transcripts.
        .target(name: "TriageCore", dependencies: ["TerminalKit", .product(name: "Yams", package: "Yams")]),

        // What Triage keeps on disk: diagnosis sessions in SQLite (GRDB, the system libsqlite3; the `SessionStore` of
        // TriageCore), the browser's state file and the transcripts folder. Takes plain values: knows nothing of the UI.
        .target(name: "TriageStorage", dependencies: ["TriageCore", .product(name: "GRDB", package: "GRDB.swift")]),

        // The team store (issue 21): the local outbox pushed to and pulled from PostgreSQL (PostgresNIO). Its own
        // target so it could be split out; linked into `triage` so the one binary can sync.
        .target(name: "TriageTeam", dependencies: [
            "TriageCore", "TriageStorage", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),

        // The shipped catalog/ folder, carried inside the binary as generated Swift source: the YAML text, and the
        // catalog compiled at build time (embed-catalog links TriageCore to load and validate it).
        .target(name: "BuiltinCatalog", dependencies: ["TriageCore"], plugins: ["EmbedCatalogPlugin"]),
        .executableTarget(name: "embed-catalog", dependencies: ["TriageCore"], path: "Sources/Tools/embed-catalog"),
        .plugin(name: "EmbedCatalogPlugin", capability: .buildTool(), dependencies: ["embed-catalog"],
                path: "Sources/Tools/EmbedCatalogPlugin"),

        // The full-screen UI as pure functions: state + key -> state, state -> cell buffer. No ncurses.
        .target(name: "TriageUI", dependencies: ["TriageCore", "TerminalKit"]),

        // Performs the UI's effects against real stores (the session effects today): shared by the `triage`
        // binary and the model-based tests.
        .target(name: "TriageRuntime", dependencies: ["TriageCore", "TriageUI"]),

        // `triage import`: vendor documentation (Markdown, tables, text, JSON registries, OpenAPI, botocore) to the
        // catalog's YAML, with provenance and re-import diffs. Its own target so TriageCore never grows OpenAPIKit.
        .target(name: "TriageImport", dependencies: [
            "TriageCore", .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            .product(name: "OpenAPIKit30", package: "OpenAPIKit"), .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
            .product(name: "Yams", package: "Yams"),
        ]),

        // The only code that touches the terminal.
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TriageTerminal", dependencies: ["CNcurses", "TerminalKit"]),

        // The `triage` command line: parses arguments, formats output, wires the pieces together.
        .executableTarget(
            name: "triage",
            dependencies: [
                "TriageCore", "TerminalKit", "TriageStorage", "TriageUI", "TriageTerminal", "BuiltinCatalog",
                "TriageRuntime", "TriageImport", "TriageTeam",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The portable binary (`--static-swift-stdlib`) would otherwise export every symbol it holds (the
            // toolchain's static link asks for `-export-dynamic`): 50,000 symbols that made each start look
            // through them (`dladdr`) and bind them. Nothing loads into triage, so nothing needs them.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]),

        // Speed and memory benchmark: `swift run -c release triage-bench`; `triage-bench generate` writes big catalogs.
        .target(name: "CatalogGenerator"),
        .executableTarget(name: "triage-bench",
                          dependencies: ["TriageCore", "TerminalKit", "TriageUI", "BuiltinCatalog", "CatalogGenerator",
                                         "SearchOracle", "TriageStorage", "TriageTeam"]),

        // The search before issue 12 (`LegacySearcher`), kept out of the shipped library as a ranking oracle: the
        // equivalence tests compare TriageCore's flat index with it and `triage-bench keystrokes` times it. It
        // reads TriageCore's search words and rules through `package` access.
        .target(name: "SearchOracle", dependencies: ["TriageCore"], path: "Tests/SearchOracle"),

        // Writes many sessions into one database, for the concurrency test (8 of these at once).
        .executableTarget(name: "session-store-stress", dependencies: ["TriageCore", "TriageStorage", "BuiltinCatalog"],
                          path: "Tests/SessionStoreStress"),

        .target(name: "TestSupport", dependencies: ["TriageCore", "TerminalKit", "BuiltinCatalog"], path: "Tests/TestSupport"),
        .testTarget(name: "TriageCoreTests", dependencies: ["TriageCore", "BuiltinCatalog", "TestSupport"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "ImportTests", dependencies: ["TriageImport", "TriageCore", "BuiltinCatalog", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TriageTerminalTests", dependencies: ["TriageTerminal", "TerminalKit", "CNcurses"]),
        .testTarget(name: "TriageUITests", dependencies: ["TriageUI", "TriageStorage", "TriageCore", "TerminalKit", "TestSupport"]),
        .testTarget(name: "TriageCLITests", dependencies: ["TestSupport", "TriageUI", "TriageStorage", "CatalogGenerator", "triage"]),
        // The flat index ranks as the oracle does. Slow, so its suite runs only with TRIAGE_ORACLE_TESTS set.
        .testTarget(name: "SearchOracleTests", dependencies: ["SearchOracle", "TriageCore", "TestSupport"]),
        .testTarget(name: "BenchmarkTests", dependencies: ["CatalogGenerator", "TriageCore", "BuiltinCatalog", "TestSupport"]),
        // The full screen driven through thousands of seeded action sequences, its effects performed against a
        // real SQLite file, checked against a reference model after every action.
        .testTarget(name: "SessionRecordTests", dependencies: [
            "TriageUI", "TriageRuntime", "TriageStorage", "TriageCore", "TerminalKit", "BuiltinCatalog", "TestSupport",
        ]),
        // The team store against a real PostgreSQL: a private cluster per test (initdb, loopback, its own port).
        .testTarget(name: "TeamStoreTests", dependencies: ["TriageTeam", "TriageStorage", "TriageCore", "BuiltinCatalog", "TestSupport"]),
        .testTarget(name: "TriageStorageTests", dependencies: [
            "TriageStorage", "TriageCore", "BuiltinCatalog", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)

// `.ci/run`'s AddressSanitizer step builds only the core and its tests (TRIAGE_PACKAGE=core): its tests exercise
// the core's unsafe buffer code, and the sanitized build then skips the UI, the stores, PostgresNIO and OpenAPIKit.
if Context.environment["TRIAGE_PACKAGE"] == "core" {
    let core: Set<String> = [
        "TerminalKit", "TriageCore", "BuiltinCatalog", "embed-catalog", "EmbedCatalogPlugin", "TestSupport",
        "TriageCoreTests", "SearchOracle", "SearchOracleTests",
    ]
    package.targets.removeAll { !core.contains($0.name) }
    package.products = [.library(name: "TriageCore", targets: ["TriageCore"])]
    package.dependencies = [.package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0")]
}
