/// Plain English words of API error documentation, shared by every generated vendor. Vendors add their own
/// jargon on top (`VendorJargon`), so the vocabulary grows with the number of vendors, as in a real catalog.
enum CommonWords {
    static let nouns = words("""
        request response token key secret session user account device install app application project tenant
        workspace organisation team member group channel message conversation thread call stream webhook event
        payload body header parameter field value attribute property record object item resource endpoint route
        path query filter page cursor limit quota rate plan subscription invoice payment card charge refund order
        product price currency region zone cluster node server host domain certificate signature scope permission
        role policy rule setting configuration credential password email phone address contact list audience
        segment campaign template document file upload attachment image video audio media format encoding schema
        version release build package module extension plugin integration connector job task queue batch export
        import report metric log trace span alert notification reminder schedule window timeout retry backoff
        connection socket transport protocol network proxy gateway firewall cache index database table column
        identifier reference link redirect callback origin client library sdk platform environment sandbox
        production staging deployment instance container volume snapshot backup archive license seat trial
        """)
    static let verbs = words("""
        found created updated deleted revoked expired rejected accepted processed validated verified signed
        encrypted decrypted parsed encoded decoded uploaded downloaded exported imported linked unlinked assigned
        removed added moved copied renamed archived restored suspended banned blocked muted paused resumed
        cancelled scheduled queued delivered sent received opened closed locked unlocked reserved released
        throttled limited exceeded reached reset refreshed rotated registered unregistered enabled disabled
        configured installed upgraded downgraded migrated synchronised indexed cached retried authorised
        authenticated provisioned deprovisioned allocated billed charged refunded approved declined published
        """)
    static let adjectives = words("""
        invalid missing unknown expired duplicate malformed empty unsupported deprecated unavailable forbidden
        unauthorised disabled inactive pending locked readonly immutable oversized undersized incomplete corrupt
        inconsistent conflicting stale outdated temporary permanent internal external primary secondary default
        custom reserved private public shared regional global remote local legacy beta experimental mandatory
        optional nested recursive concurrent parallel asynchronous synchronous partial ambiguous unverified
        unreachable overloaded degraded suspended blocked throttled
        """)
    static let connectors = words("""
        the a an this that its of for in on with without to from by after before during while because when
        unless until since is was has have been cannot could not no any every each only already yet still
        again more than too many few
        """)
    static let checkVerbs = words("""
        compare confirm inspect verify review check replay query list open search trace enable rotate renew
        regenerate reissue resend recreate refresh restart upgrade reconfigure
        """)
    static let places = words("""
        dashboard console logs headers response request sdk settings portal documentation changelog status
        page admin panel api explorer audit trail billing screen metrics graph
        """)

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}
