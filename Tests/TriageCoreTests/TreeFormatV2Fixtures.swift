import Foundation
import TriageCore

/// A tree that uses every key of the tree format's second version: "can't tell" on questions and asks,
/// fallbacks, typed values, evidence, and a not-determined conclusion; and an example-ticket file for it.
enum V2Fixtures {
    static let vendor = """
        vendor:
          id: acme
          name: Acme Cloud
        categories:
          - id: auth
            name: Authentication
        codes:
          - code: E_APP
            category: auth
            description: The app id does not match the install.
          - code: E_KEY
            category: auth
            description: The API key was refused.
        """

    static let tree = """
        id: acme-v2
        title: Acme refuses the request
        vendors: [acme]
        codes: [E_APP, E_KEY]
        start: which-error
        nodes:
          which-error:
            question: Which error code did Acme return?
            evidence: code
            answers:
              - {label: E_APP, codes: [E_APP], match: [E_APP], next: region}
              - {label: E_KEY, codes: [E_KEY], match: [E_KEY], next: key}
            cant_tell:
              next: region
              check: Look at "code" in the JSON body.
          region:
            ask: Which region is the app in?
            var: REGION
            choices: [us, eu, in]
            evidence: region
            next: app-id
          app-id:
            ask: Which app id did the request use?
            var: APP_ID
            pattern: '^app-[a-z0-9]{3,20}$'
            pattern_hint: app- and 3 to 20 lowercase letters or digits
            max_length: 24
            evidence: app_id
            next: compare
            cant_tell: compare-unknown
          compare:
            question: Does @APP_ID@ in @REGION|its region@ match the SDK's app id?
            answers:
              - {label: "No", next: wrong-app}
              - {label: "Yes", next: escalate}
            cant_tell:
              next: find-out
              check: Compare the app id in the backend config with the SDK's for @APP_ID@.
          compare-unknown:
            question: Does the request's app id match the SDK's?
            answers:
              - {label: "No", next: wrong-app}
              - {label: "Yes", next: escalate}
            cant_tell: {next: find-out, check: Ask the customer for both app ids.}
          key:
            ask: Which API key did the request send?
            var: API_KEY
            secret: true
            format: guid
            next: key-note
          key-note:
            ask: Which ticket number is this?
            var: TICKET
            format: numeric
            optional: true
            next: key-listed
          key-listed:
            question: Is the key @API_KEY|that key@ listed in the dashboard?
            answers:
              - {label: "Yes", next: escalate}
              - {label: "No", next: key-missing}
            cant_tell: {next: key-missing, check: Open API keys in the dashboard.}
          wrong-app:
            conclusion: Wrong app @APP_ID|(the request's app)@ in @REGION|the app's region@
            steps: [Use the app id of the install's environment for ticket @TICKET|this ticket@.]
          key-missing:
            conclusion: The key @API_KEY|the request sent@ does not exist
            steps: [Create a key.]
          escalate:
            conclusion: Acme must look at it
            steps: [Open a ticket with Acme.]
            escalate: {when: Always., include: [the app id @APP_ID|(not known)@]}
          find-out:
            conclusion: "Not determined from the ticket: which app the install belongs to"
            determined: false
            steps: [Ask the customer for the SDK's app id.]
            escalate: {when: The customer cannot tell., include: [the "ref"]}
        """

    static let tests = """
        tests:
          - name: the wrong app
            code: E_APP
            ticket: The request to eu fails with E_APP; app app-prod1.
            answers: [eu, app-prod1, 1]
            expect: wrong-app
          - name: nothing in the ticket
            tree: acme-v2
            answers: [cant_tell, cant_tell, cant_tell, cant_tell]
            expect: find-out
          - name: from a paste
            tree: acme-v2
            evidence: {code: E_APP, region: EU, app_id: app-xyz}
            answers: [1]
            expect: wrong-app
          - name: a secret key
            code: acme:E_KEY
            answers: [3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b, cant_tell, 2]
            expect: key-missing
        """

    static func files(tests: String? = V2Fixtures.tests) -> [(String, String)] {
        [("vendors/acme.yaml", vendor), ("trees/acme-v2.yaml", tree)] + (tests.map { [("tests/acme.yaml", $0)] } ?? [])
    }

    static let catalog: Catalog = {
        let (catalog, problems) = CatalogLoader.lint([CatalogSource(name: "test", files: files())])
        precondition(problems.isEmpty, "v2 fixture catalog has problems: \(problems)")
        return catalog
    }()

    static func code(_ code: String) -> CodeReference { CodeReference(vendor: "acme", code: code) }
}
