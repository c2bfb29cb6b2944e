import Testing
import TestSupport
@testable import TriageCore

/// Every class of catalog problem is reported with its exact position, and all problems of a file at once.
@Suite struct LintTests {
    private func problems(_ files: [(String, String)]) -> [String] {
        Fixtures.load(files).problems.map(\.description)
    }

    @Test func yamlSyntaxErrorHasItsPosition() {
        let text = "vendor:\n  id: x\n  name: [unclosed\n"
        let found = problems([("bad.yaml", text)])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("bad.yaml:4:1: YAML syntax:"), "\(found)")
    }

    @Test func duplicateKeyInAMapping() {
        let found = problems([("dup.yaml", "vendor:\n  id: x\n  id: y\n")])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("dup.yaml:"), "\(found)")
        #expect(found[0].contains("duplicate key 'id'"), "\(found)")
    }

    @Test func everyProblemOfAVendorFileAtOnce() {
        let text = """
            vendor:
              id: acme
              name: Acme
              homepage: https://example.com
            categories:
              - id: auth
                name: Auth
              - id: auth
                name: Again
            codes:
              - code: A
                category: auth
                description: First.
                http: not-a-number
              - code: A
                category: auth
                description: Duplicate.
              - code: B
                category: missing
                description: Unknown category.
                related: [A, NOPE]
                trees: [no-such-tree]
              - code: C
                category: auth
              - code: D
                category: auth
                description: [a, list]
                causes: text instead of a list
                descripton: typo
              - just a string
              - code: E
                category: auth
                description: Wrong HTTP.
                http: 99
            """
        let found = problems([("acme.yaml", text)])
        #expect(found == [
            "acme.yaml:4:3: unknown key 'homepage' in 'vendor' (allowed: id, name, product, docs, notice, facts, explain)",
            "acme.yaml:8:9: duplicate category 'auth' (first defined at line 6)",
            "acme.yaml:14:11: http status of code 'A' must be a whole number, found 'not-a-number'",
            "acme.yaml:15:11: duplicate code 'A' (first defined at line 11)",
            "acme.yaml:23:5: code 'C' is missing required key 'description'",
            "acme.yaml:29:5: unknown key 'descripton' in a code entry; did you mean 'description'?",
            "acme.yaml:27:18: description of code 'D' must be text, found a list",
            "acme.yaml:28:13: causes of code 'D' must be a list, found a single value",
            "acme.yaml:30:5: a code entry must be a mapping (key: value lines), found a single value",
            "acme.yaml:34:11: http status of code 'E' must be between 100 and 599, found 99",
            "acme.yaml:19:15: code 'B' names unknown category 'missing' of vendor 'acme'",
            "acme.yaml:21:18: unknown code 'NOPE' of vendor 'acme'",
            "acme.yaml:22:13: code 'B' names unknown tree 'no-such-tree'",
        ])
    }

    @Test func missingVendorNameAndBadIds() {
        let found = problems([("v.yaml", "vendor:\n  id: Bad_Id\ncodes: []\n")])
        #expect(found == [
            "v.yaml:2:7: vendor id 'Bad_Id' must use only lowercase letters, digits and '-'",
            "v.yaml:2:7: vendor 'Bad_Id' has no 'name' (required where a vendor is first defined)",
        ])
    }

    @Test func fileThatIsNeitherVendorNorTree() {
        #expect(problems([("x.yaml", "hello: world\n")]) == [
            "x.yaml:1:1: not a catalog file: a vendor file has a top-level 'vendor:' key, a decision tree a 'nodes:' key, example tickets a 'tests:' key",
        ])
        #expect(problems([("e.yaml", "")]) == ["e.yaml:1:1: file is empty"])
        #expect(problems([("l.yaml", "- a\n- b\n")]) == ["l.yaml:1:1: the file must be a mapping (key: value lines), found a list"])
    }

    @Test func duplicateCodeAcrossFilesOfOneSource() {
        let second = "vendor: {id: acme}\ncodes:\n  - {code: KEY_INVALID, category: auth, description: Again.}\n"
        let found = problems([("a.yaml", Fixtures.acmeVendor), ("b.yaml", second)])
        #expect(found == ["b.yaml:3:12: duplicate code 'KEY_INVALID' of vendor 'acme' (also at a.yaml:10:11)"])
    }

    // MARK: Decision trees

    private let vendor = ("acme.yaml", Fixtures.acmeVendor)

    @Test func everyTreeDefectClassWithItsPosition() {
        let tree = """
            id: broken
            title: Broken tree
            vendors: [acme, nobody]
            codes: [KEY_INVALID, "acme:NOPE"]
            start: first
            nodes:
              first:
                question: Which key?
                answers:
                  - label: The invalid one
                    codes: [acme:KEY_INVALID]
                    next: second
                  - label: Somewhere
                    next: nowhere
              second:
                question: Only one answer
                answers:
                  - label: Back
                    next: first
              orphan:
                conclusion: Never reached
                steps: [x]
              empty:
                conclusion: No steps
              jump:
                goto: missing-tree
              value:
                ask: The key?
                var: lower
                next: first
              uses:
                conclusion: Uses @UNSET@
                steps: [Step]
              twokinds:
                question: a
                conclusion: b
            """
        let found = problems([vendor, ("broken.yaml", tree)])
        #expect(found == [
            "broken.yaml:16:5: question node 'second' has 1 answer; it needs at least two",
            "broken.yaml:24:5: conclusion node 'empty' has no steps; it needs at least one resolution step",
            "broken.yaml:29:10: var 'lower' must use only capital letters, digits and '_'",
            "broken.yaml:35:5: node 'twokinds' has several kinds (question, conclusion); use exactly one",
            "broken.yaml:3:17: tree 'broken' names unknown vendor 'nobody'",
            "broken.yaml:4:9: write 'KEY_INVALID' as vendor:CODE: tree 'broken' covers several vendors",
            "broken.yaml:4:22: tree 'broken' names unknown code 'NOPE' of vendor 'acme'",
            "broken.yaml:14:15: unknown node 'nowhere' in tree 'broken'",
            "broken.yaml:26:5: goto names unknown tree 'missing-tree'",
            "broken.yaml:21:5: node 'orphan' cannot be reached from start 'first'",
            "broken.yaml:24:5: node 'empty' cannot be reached from start 'first'",
            "broken.yaml:26:5: node 'jump' cannot be reached from start 'first'",
            "broken.yaml:28:5: node 'value' cannot be reached from start 'first'",
            "broken.yaml:32:5: node 'uses' cannot be reached from start 'first'",
            "broken.yaml:10:9: answer implies 'KEY_INVALID', which tree 'broken' does not list under codes:",
            "broken.yaml:4:9: no answer of tree 'broken' implies 'KEY_INVALID': started from it, the tree could not skip its code questions",
            "broken.yaml:4:22: no answer of tree 'broken' implies 'NOPE': started from it, the tree could not skip its code questions",
            "broken.yaml:32:5: node 'uses' uses @UNSET@, which no 'ask' node of tree 'broken' sets (nor its vendors' evidence)",
            "broken.yaml:8:5: cycle: first -> second -> first; a diagnosis must always end",
        ])
    }

    @Test func cycleThroughGotoAcrossTrees() {
        let a = "id: a\ntitle: A\nvendors: [acme]\nstart: go\nnodes:\n  go:\n    goto: b\n"
        let b = "id: b\ntitle: B\nvendors: [acme]\nstart: back\nnodes:\n  back:\n    goto: a\n    node: go\n"
        let found = problems([vendor, ("a.yaml", a), ("b.yaml", b)])
        #expect(found == ["a.yaml:7:5: cycle: go -> b/back -> go; a diagnosis must always end"])
    }

    @Test func gotoToUnknownNodeOfAnotherTree() {
        let a = "id: a\ntitle: A\nvendors: [acme]\nstart: go\nnodes:\n  go:\n    goto: b\n    node: nope\n"
        let b = "id: b\ntitle: B\nvendors: [acme]\nstart: end\nnodes:\n  end:\n    conclusion: Done\n    steps: [x]\n"
        #expect(problems([vendor, ("a.yaml", a), ("b.yaml", b)]) == ["a.yaml:7:5: goto names unknown node 'nope' of tree 'b'"])
    }

    @Test func answerMayOnlyImplyCodesOfTheTree() {
        let tree = """
            id: t
            title: T
            vendors: [acme]
            codes: [KEY_INVALID]
            start: q
            nodes:
              q:
                question: Which?
                answers:
                  - {label: Expired, codes: [KEY_EXPIRED], next: end}
                  - {label: Other, next: end}
              end:
                conclusion: Done
                steps: [x]
            """
        #expect(problems([vendor, ("t.yaml", tree)]) == [
            "t.yaml:10:9: answer implies 'KEY_EXPIRED', which tree 't' does not list under codes:",
        ])
    }

    @Test func cleanTreeHasNoProblems() {
        let tree = """
            id: keys
            title: Key problems
            vendors: [acme]
            codes: [KEY_INVALID, KEY_EXPIRED]
            start: which
            nodes:
              which:
                question: Which code?
                answers:
                  - {label: KEY_INVALID, codes: [KEY_INVALID], next: key}
                  - {label: KEY_EXPIRED, codes: [KEY_EXPIRED], next: renew}
              key:
                ask: Which key was sent?
                var: API_KEY
                secret: true
                next: renew
              renew:
                conclusion: Replace @API_KEY@
                steps: [Create a new key.]
            """
        #expect(problems([vendor, ("keys.yaml", tree)]) == [])
    }
}
