import Foundation
import Testing

/// One masking point, end to end (issue 18): tokens pasted into a note and into the search of the real binary
/// never reach the screen, state.json, the sessions database or the transcript; and a 2 MB bracketed paste into
/// the paste box is taken, cut to 1 MiB with the cut said.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct SecretsEndToEndTests {
    static let noteToken = "nt_live_7c6b5a4938271605"
    static let searchToken = "sq_live_1a2b3c4d5e6f7a8b"
    static let pasteToken = "pb_live_5e4d3c2b1a0f9e8d"
    static let findToken = "fd_live_0a9b8c7d6e5f4a3b"
    static let valueToken = "vl_live_3c2b1a0f9e8d7c6b"

    /// Every file under `folder` (the database, its WAL, state.json, transcripts) that holds `needle`.
    static func files(under folder: URL, containing needle: String) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let file as URL in walker {
            if let data = try? Data(contentsOf: file), data.range(of: Data(needle.utf8)) != nil { found.append(file.path) }
        }
        return found
    }

    /// The sessions database of a test, `db/sessions.sqlite` under the tmux session's home (its folder made).
    static func database(in tmux: TmuxHarness) throws -> URL {
        let database = tmux.home.appendingPathComponent("db/sessions.sqlite")
        try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        return database
    }

    /// Saves the transcript at a conclusion (`s`), leaves the diagnosis and quits the binary.
    static func saveAndQuit(_ tmux: TmuxHarness) async throws {
        try tmux.press("s")
        _ = try await tmux.waitFor(text: "saved")
        try tmux.press("Escape")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }

    @Test func aTokenPastedIntoANoteReachesNoScreenDatabaseOrTranscript() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        let database = try Self.database(in: tmux)
        try tmux.launchTriage(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "SUP-7"], environment: ["TRIAGE_DB": database.path])
        _ = try await tmux.waitFor(text: "Which app id did the failing request use?")
        try tmux.type("app123")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Which region is in the host name")
        try tmux.type("eu")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "which region was app app123 created in?")
        // A note with an Authorization header pasted into it.
        try tmux.press("n")
        try tmux.paste("customer sent Authorization: Bearer \(Self.noteToken)")
        let noting = try await tmux.waitFor(text: "customer sent")
        #expect(!noting.contains(Self.noteToken), "\(noting)")
        #expect(noting.contains("Bearer [secret]"), "\(noting)")
        try tmux.press("Enter")
        try tmux.press("1")
        _ = try await tmux.waitFor(text: "https://app123.api-")
        try await Self.saveAndQuit(tmux)

        let transcripts = tmux.stateHome.appendingPathComponent("triage/transcripts")
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: transcripts.path)) ?? []
        #expect(!saved.isEmpty, "a transcript was saved")
        #expect(Self.files(under: tmux.home, containing: Self.noteToken).isEmpty,
                "the token is in \(Self.files(under: tmux.home, containing: Self.noteToken))")
        #expect(!Self.files(under: transcripts, containing: "Bearer [secret]").isEmpty, "the note is in the transcript, masked")
        #expect(!Self.files(under: database.deletingLastPathComponent(), containing: "Bearer [secret]").isEmpty,
                "the note is stored, masked")
    }

    @Test func aKeyPastedIntoTheSearchReachesNoScreenAndNoStateFile() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage([])
        _ = try await tmux.waitFor(text: "search")
        try tmux.press("/")
        try tmux.paste("apikey=\(Self.searchToken)")
        let searching = try await tmux.waitFor(text: "apikey=[secret]")
        #expect(!searching.contains(Self.searchToken), "\(searching)")
        try tmux.press("Enter")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
        let stateJSON = try String(contentsOf: tmux.stateHome.appendingPathComponent("triage/state.json"), encoding: .utf8)
        #expect(stateJSON.contains("apikey=[secret]"), "\(stateJSON)")
        #expect(Self.files(under: tmux.home, containing: Self.searchToken).isEmpty,
                "the key is in \(Self.files(under: tmux.home, containing: Self.searchToken))")
    }

    @Test func aTwoMegabytePasteIntoThePasteBoxIsCutAndSaysSo() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage([])
        _ = try await tmux.waitFor(text: "search")
        try tmux.press("e")
        _ = try await tmux.waitFor(text: "Explain a paste")
        let line = "2026-12-06T10:00:00Z ERROR POST /v3/users -> 401 errorCode=AUTH_ERR_INVALID_APPID apikey=\(Self.searchToken)\n"
        let huge = String(repeating: line, count: (2 << 20) / line.utf8.count + 1)
        let file = tmux.home.appendingPathComponent("huge.log")
        try huge.write(to: file, atomically: true, encoding: .utf8)
        try tmux.paste(contentsOf: file)
        let screen = try await tmux.waitFor(text: "Paste cut: the box holds 1 MiB", timeout: .seconds(30))
        #expect(screen.contains("AUTH_ERR_INVALID_APPID"), "\(screen)")
        #expect(!screen.contains(Self.searchToken))
        try tmux.press("Escape")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }

    @Test func aTokenInAPasteThatBecomesADiagnosisReachesNoScreenDatabaseOrTranscript() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        let database = try Self.database(in: tmux)
        try tmux.launchTriage([], environment: ["TRIAGE_DB": database.path])
        _ = try await tmux.waitFor(text: "search")
        try tmux.press("e")
        _ = try await tmux.waitFor(text: "Explain a paste")
        try tmux.paste("""
            > POST /v3/users HTTP/2
            > Host: 7f3a91c2d4e5b6a7.api-eu.cometchat.io
            > Authorization: Bearer \(Self.pasteToken)
            < HTTP/2 401
            {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"The appId is invalid."}}
            """)
        let explained = try await tmux.waitFor(text: "AUTH_ERR_INVALID_APPID")
        #expect(!explained.contains(Self.pasteToken), "\(explained)")
        try tmux.press("d")
        let diagnosing = try await tmux.waitFor(text: "?")
        #expect(!diagnosing.contains(Self.pasteToken), "\(diagnosing)")
        try await Self.saveAndQuit(tmux)
        let transcripts = tmux.stateHome.appendingPathComponent("triage/transcripts")
        #expect(!Self.files(under: transcripts, containing: "AUTH_ERR_INVALID_APPID").isEmpty, "a transcript holds the paste")
        #expect(!Self.files(under: database.deletingLastPathComponent(), containing: "AUTH_ERR_INVALID_APPID").isEmpty,
                "the session and its paste are stored")
        #expect(Self.files(under: tmux.home, containing: Self.pasteToken).isEmpty,
                "the token is in \(Self.files(under: tmux.home, containing: Self.pasteToken))")
    }

    @Test func aTokenPastedIntoTheDetailsFindIsEchoedMasked() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage(["--query", "AUTH_ERR_INVALID_APPID"])
        _ = try await tmux.waitFor(text: "AUTH_ERR_INVALID_APPID")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Indicates invalid appId")
        try tmux.press("/")
        try tmux.paste("Authorization: Bearer \(Self.findToken)")
        try tmux.press("Enter")
        let screen = try await tmux.waitFor(text: "Pattern not found")
        #expect(!screen.contains(Self.findToken), "\(screen)")
        #expect(screen.contains("[secret]"), "\(screen)")
        try tmux.press("q")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
        #expect(Self.files(under: tmux.home, containing: Self.findToken).isEmpty,
                "the token is in \(Self.files(under: tmux.home, containing: Self.findToken))")
    }

    @Test func aTokenPastedIntoAValueReachesNoScreenDatabaseOrTranscript() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        let database = try Self.database(in: tmux)
        try tmux.launchTriage(["diagnose", "ERR_ROLE_NOT_FOUND", "--ticket", "SUP-9"], environment: ["TRIAGE_DB": database.path])
        _ = try await tmux.waitFor(text: "Which role does the request name?")
        try tmux.paste("Authorization: Bearer \(Self.valueToken)")
        let typing = try await tmux.waitFor(text: "Bearer")
        #expect(!typing.contains(Self.valueToken), "\(typing)")
        try tmux.press("Enter")
        let asked = try await tmux.waitFor(text: "exist in the app")
        #expect(!asked.contains(Self.valueToken), "\(asked)")
        try tmux.press("1")
        _ = try await tmux.waitFor(text: "Steps")
        try await Self.saveAndQuit(tmux)
        let transcripts = tmux.stateHome.appendingPathComponent("triage/transcripts")
        #expect(!Self.files(under: transcripts, containing: "ERR_ROLE_NOT_FOUND").isEmpty, "a transcript was saved")
        #expect(!Self.files(under: database.deletingLastPathComponent(), containing: "SUP-9").isEmpty, "the session is stored")
        #expect(Self.files(under: tmux.home, containing: Self.valueToken).isEmpty,
                "the token is in \(Self.files(under: tmux.home, containing: Self.valueToken))")
    }
}
