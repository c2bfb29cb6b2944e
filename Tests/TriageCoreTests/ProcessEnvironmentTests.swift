import Foundation
import Testing
import TriageCore

/// `ProcessEnvironment.current` is the environment Foundation reports, and sees changes made after the start.
@Suite struct ProcessEnvironmentTests {
    @Test func itIsTheEnvironmentFoundationReports() {
        #expect(ProcessEnvironment.current == ProcessInfo.processInfo.environment)
    }

    @Test func aVariableSetOrUnsetLaterIsSeen() {
        let name = "TRIAGE_TEST_ENVIRONMENT_\(UInt32.random(in: 0...UInt32.max))"
        #expect(ProcessEnvironment.current[name] == nil)
        setenv(name, "a=b é", 1)
        #expect(ProcessEnvironment.current[name] == "a=b é")
        setenv(name, "", 1)
        #expect(ProcessEnvironment.current[name] == "")
        unsetenv(name)
        #expect(ProcessEnvironment.current[name] == nil)
    }
}
