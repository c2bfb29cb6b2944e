import Foundation
import Testing
import TriageCore

/// Small catalogs for the diagnosis tests, built from YAML text like the shipped catalog.
enum DiagnosisFixtures {
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
            description: >-
              The API key was refused.


              A second paragraph that transcripts leave out.
          - code: E_GONE
            category: auth
            description: The install was deleted.
          - code: E_NONE
            category: auth
            description: Not diagnosed by any tree.
        """

    /// acme-auth: which error -> (E_APP) app id -> environment -> conclusion / goto acme-state;
    /// (E_KEY) secret key -> key listed? -> conclusions.
    static let authTree = """
        id: acme-auth
        title: Acme refuses the request
        vendors: [acme]
        codes: [E_APP, E_KEY]
        start: which-error
        nodes:
          which-error:
            question: Which error code did Acme return?
            detail: Look at "code" in the JSON body.
            answers:
              - label: E_APP
                codes: [E_APP]
                next: app-id
              - label: E_KEY
                codes: [E_KEY]
                next: api-key
              - label: Another code
                next: other
          app-id:
            ask: Which app id does the SDK use?
            detail: The appId passed to init.
            var: APP_ID
            next: environment
          environment:
            question: Which environment does app @APP_ID@ belong to?
            answers:
              - label: Not the install's environment
                next: wrong-environment
              - label: The install's environment
                next: to-state
          wrong-environment:
            conclusion: App @APP_ID@ belongs to another environment
            explanation: The request used app id @APP_ID@.
            steps:
              - Use the app id of the install's environment instead of @APP_ID@.
              - Retry the request.
            related: [E_GONE]
            escalate:
              when: The ids match and the error persists.
              include: [the app id @APP_ID@, the request id]
          to-state:
            goto: acme-state
          api-key:
            ask: Which API key does the request send?
            var: API_KEY
            secret: true
            next: key-listed
          key-listed:
            question: Is the key @API_KEY@ listed in the dashboard?
            answers:
              - label: "No"
                next: key-missing
              - label: "Yes"
                next: to-install
          key-missing:
            conclusion: The key @API_KEY@ does not exist
            steps:
              - Create a new key to replace @API_KEY@.
          to-install:
            goto: acme-state
            node: install-exists
          other:
            conclusion: Not an authentication error
            steps:
              - Look the code up with triage search.
        """

    /// acme-state: which state (implied by E_APP / E_GONE) -> install exists? -> conclusions.
    static let stateTree = """
        id: acme-state
        title: Acme install state
        vendors: [acme]
        codes: [E_APP, E_GONE]
        start: which-state
        nodes:
          which-state:
            question: What does the install lookup say?
            answers:
              - label: The install belongs to another app
                codes: [E_APP]
                next: install-exists
              - label: The install is gone
                codes: [E_GONE]
                next: gone
          install-exists:
            question: Does the install show in the dashboard?
            answers:
              - label: "Yes"
                next: escalate
              - label: "No"
                next: gone
          escalate:
            conclusion: Acme must look at it
            steps:
              - Open a ticket with Acme.
          gone:
            conclusion: The install was deleted
            steps:
              - Reinstall the app.
        """

    /// A second tree for E_GONE, so that the code has several trees.
    static let extraTree = """
        id: acme-extra
        title: Acme deleted installs
        vendors: [acme]
        codes: [E_GONE]
        start: done
        nodes:
          done:
            conclusion: The install was deleted
            steps:
              - Reinstall the app.
        """

    static let catalog: Catalog = {
        let (catalog, problems) = CatalogLoader.load([CatalogSource(name: "test", files: [
            ("vendors/acme.yaml", vendor), ("trees/acme-auth.yaml", authTree), ("trees/acme-state.yaml", stateTree),
            ("trees/acme-extra.yaml", extraTree),
        ])])
        precondition(problems.isEmpty, "fixture catalog has problems: \(problems)")
        return catalog
    }()

    static func code(_ code: String) -> CodeReference { CodeReference(vendor: "acme", code: code) }

    /// A fixed time for transcripts: 2024-05-01T12:00:00Z.
    static let date = Date(timeIntervalSince1970: 1_714_564_800)
}
