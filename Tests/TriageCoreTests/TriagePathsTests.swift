import Testing
import TriageCore

/// One XDG rule for every file: state, transcripts and the sessions database under the state folder, the
/// catalog cache under the cache folder.
@Suite struct TriagePathsTests {
    @Test func stateFilesShareTheStateFolder() {
        let xdg = ["XDG_STATE_HOME": "/x/state", "HOME": "/home/e"]
        #expect(TriagePaths.state(environment: xdg) == "/x/state/triage/state.json")
        #expect(TriagePaths.transcripts(environment: xdg) == "/x/state/triage/transcripts")
        #expect(TriagePaths.sessionsDatabase(option: nil, environment: xdg) == "/x/state/triage/sessions.sqlite")
        let home = ["XDG_STATE_HOME": "relative", "HOME": "/home/e/"]
        #expect(TriagePaths.state(environment: home) == "/home/e/.local/state/triage/state.json")
        #expect(TriagePaths.transcripts(environment: home) == "/home/e/.local/state/triage/transcripts")
        #expect(TriagePaths.sessionsDatabase(option: nil, environment: home) == "/home/e/.local/state/triage/sessions.sqlite")
        #expect(TriagePaths.transcripts(environment: ["HOME": ""]) == nil)
    }

    @Test func theCacheFolderFollowsTheSameRule() {
        #expect(TriagePaths.cacheDirectory(environment: ["XDG_CACHE_HOME": "/x/cache/", "HOME": "/h"]) == "/x/cache/triage")
        #expect(TriagePaths.cacheDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]) == "/h/.cache/triage")
        #expect(TriagePaths.cacheDirectory(environment: ["HOME": ""]) == nil)
    }
}
