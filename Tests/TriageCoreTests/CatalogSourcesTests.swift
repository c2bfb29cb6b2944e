import Testing
import TriageCore

/// The one order of catalog sources: built-in, TRIAGE_CATALOG's folders, then the command line's.
@Suite struct CatalogSourcesTests {
    @Test func userFoldersComeFromTheEnvironmentThenTheOptions() {
        let environment = ["TRIAGE_CATALOG": "/a::/b:"]
        #expect(CatalogSources.userFolders(environment: environment, folders: ["/c", ""]) == ["/a", "/b", "/c"])
        #expect(CatalogSources.userFolders(environment: [:], folders: []) == [])
    }

    @Test func theBuiltInFilesComeFirstAndEachFolderIsRead() {
        let builtIn = [(path: "catalog/x.yaml", text: "")]
        let (sources, problems) = CatalogSources.standard(builtIn: builtIn, environment: ["TRIAGE_CATALOG": "/no/such/a"],
                                                          folders: ["/no/such/b"])
        #expect(sources.map(\.name) == ["built-in", "/no/such/a", "/no/such/b"])
        #expect(sources[0].files.map(\.path) == ["[built-in] x.yaml"])
        #expect(problems.count == 2)
    }
}
