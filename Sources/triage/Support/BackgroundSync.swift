import Foundation
import TriageCore
import TriageStorage
import TriageTeam

/// The push after each saved step: when a team store is configured, starts `triage sync --background` as a
/// detached process (output to /dev/null) and returns at once, so the UI and line mode never wait on the
/// network. One push at a time, and a failed one backs off (`claimBackgroundSync`).
enum BackgroundSync {
    static func kick(store: (any SessionStore)?, environment: [String: String]) {
        guard environment["TRIAGE_TEAM_BACKGROUND"] != "0", let store = store as? SQLiteSessionStore,
              store.readOnlyReason == nil, (try? TeamConfig.from(environment: environment)) != nil,
              (try? store.claimBackgroundSync()) == true else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["sync", "--background", "--db", store.path]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
