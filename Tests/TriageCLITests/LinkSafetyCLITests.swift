import Foundation
import Testing
import TestSupport

/// Only http(s) URLs reach xdg-open or an OSC 8 link (issue 19): `docs --open` on a catalog whose docs are
/// `javascript:`, `file:` or option-like never runs the opener, and `show` with `TRIAGE_HYPERLINKS=1` in a real
/// terminal links only the http(s) one.
@Suite struct LinkSafetyCLITests {
    static func catalog() throws -> URL {
        let folder = TestPaths.temporaryDirectory("unsafe-links")
        try """
            vendor:
              id: acme
              name: Acme
            categories:
              - id: api
                name: API
            codes:
              - code: JS_LINK
                category: api
                docs: "javascript:alert(1)"
                description: Docs that run script.
              - code: FILE_LINK
                category: api
                docs: "file:///etc/passwd"
                description: Docs that open a local file.
              - code: OPTION_LINK
                category: api
                docs: "--help"
                description: Docs that look like an option.
              - code: WEB_LINK
                category: api
                docs: "https://docs.acme.example/errors/web"
                description: Docs on the web.

            """.write(to: folder.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("docs --open hands only http(s) URLs to xdg-open", arguments: ["JS_LINK", "FILE_LINK", "OPTION_LINK", "WEB_LINK"])
    func docsOpen(code: String) throws {
        let folder = try Self.catalog()
        let bin = TestPaths.temporaryDirectory("opener-\(code)")
        let log = bin.appendingPathComponent("opened")
        let script = bin.appendingPathComponent("xdg-open")
        try "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\" >> '\(log.path)'; done\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let run = try TriageProcess.run(["--catalog", folder.path, "docs", code, "--open"],
                                        environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
        let opened = try? String(contentsOf: log, encoding: .utf8)
        if code == "WEB_LINK" {
            #expect(opened == "https://docs.acme.example/errors/web\n")
        } else {
            #expect(opened == nil, "xdg-open ran with \(opened ?? "")")
            #expect(run.stderr.contains("only http:// and https:// URLs are opened"), "\(run.stderr)")
        }
    }

    @Test("show with TRIAGE_HYPERLINKS=1 in a terminal links http(s) only", .enabled(if: TmuxHarness.isAvailable))
    func showLinks() async throws {
        let folder = try Self.catalog()
        let triage = try TmuxHarness.triageBinary().path
        for (code, linked) in [("JS_LINK", false), ("FILE_LINK", false), ("WEB_LINK", true)] {
            let tmux = try TmuxHarness(width: 120, height: 30)
            defer { tmux.close() }
            try tmux.launch("/bin/sh", arguments: ["-c", "sleep 0.5; exec \"$0\" --catalog \"$1\" show \"$2\"", triage, folder.path, code],
                            environment: ["TRIAGE_HYPERLINKS": "1"])
            let recording = tmux.home.appendingPathComponent("out.bytes")
            try tmux.recordOutput(to: recording)
            _ = try await tmux.waitFor(text: "__EXIT:")
            let bytes = String(decoding: TmuxHarness.recorded(recording), as: UTF8.self)
            #expect(bytes.contains("Docs: "), "\(code): \(bytes)")
            #expect(bytes.contains("\u{1B}]8;;https://docs.acme.example/errors/web\u{1B}\\") == linked, "\(code): \(bytes)")
            #expect(!bytes.contains("\u{1B}]8;;javascript") && !bytes.contains("\u{1B}]8;;file"), "\(code): \(bytes)")
        }
    }
}
