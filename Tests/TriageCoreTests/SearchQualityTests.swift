import Testing
import TestSupport
@testable import TriageCore

/// Search quality on what support engineers really get: ticket sentences, pasted bodies and log lines, the
/// vendor's messages, word forms, joined words and typos. Each phrasing names the code (or the few codes) a
/// good answer starts with; the expected code must be in the top 3 for at least 95% of them.
@Suite struct SearchQualityTests {
    static let phrasings: [(query: String, expected: [String])] = [
        // Ticket sentences
        ("our moderators can't kick an admin", ["cometchat:ERR_GROUP_NO_CLEARANCE", "cometchat:ERR_GROUP_NO_ADMIN_SCOPE", "cometchat:ERR_GROUP_NO_MODERATOR_SCOPE"]),
        ("how do I fix a user that was deleted?", ["cometchat:ERR_UID_NOT_FOUND", "sentiance:USER_NOT_FOUND"]),
        ("customer gets INSTALL_DELETED", ["sentiance:INSTALL_DELETED"]),
        ("linking broke with INSTALL_DISABLED yesterday", ["sentiance:INSTALL_DISABLED"]),
        ("we are being rate limited by cometchat", ["cometchat:ERR_TOO_MANY_REQUESTS"]),
        ("user cannot join a private group", ["cometchat:ERR_GROUP_JOIN_NOT_ALLOWED"]),
        ("the group password is wrong when joining", ["cometchat:ERR_WRONG_GROUP_PASS"]),
        ("linking a user on a new phone fails for old users", ["sentiance:CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON"]),
        ("install id belongs to the staging app not production", ["sentiance:INSTALL_DOES_NOT_BELONG_TO_APP"]),
        ("the api key is not valid for sentori", ["sentori:1"]),
        ("subscription expired, chat stopped working", ["cometchat:ERR_SUBSCRIPTION_EXPIRED"]),
        ("user is already a member of the group", ["cometchat:ERR_ALREADY_JOINED"]),
        ("banned user tries to send messages in the group", ["cometchat:ERR_BANNED_GROUPMEMBER"]),
        ("contact import could not find the email column", ["sentori:105"]),
        ("the email address is already used by another contact", ["sentori:102"]),
        ("user linking is not enabled for our app", ["sentiance:USERLINKING_NOT_CONFIGURED"]),
        ("two active installs for the same external id", ["sentiance:MULTIPLE_INSTALLS_ACTIVE"]),
        ("message sent to a user who blocked them", ["cometchat:ERR_BLOCKED_RECEIVER", "cometchat:ERR_BLOCKED_SENDER"]),
        ("auth token is missing in the headers", ["cometchat:AUTH_ERR_EMPTY_AUTH_TOKEN"]),
        ("app id is empty in the request headers", ["cometchat:AUTH_ERR_EMPTY_APPID"]),
        ("app id invalid in the eu region", ["cometchat:AUTH_ERR_INVALID_APPID"]),
        ("mailing list not found when subscribing", ["sentori:200"]),
        ("the email draft was already sent so we cannot edit it", ["sentori:400"]),
        ("webhook not found", ["cometchat:ERR_WEBHOOK_NOT_FOUND"]),
        ("calling a user who is already on another call", ["cometchat:ERR_CALL_BUSY_USER"]),
        ("the api key cannot delete itself", ["cometchat:ERR_APIKEY_NO_SELF_ACTION"]),
        ("authOnly key cannot create a user", ["cometchat:AUTH_ERR_NO_ACCESS"]),
        ("the custom event user belongs to another app", ["sentiance:USER_DOES_NOT_BELONG_TO_APP"]),
        ("account not found although the key looks right", ["sentori:3"]),
        ("the API answers 403, Code 3", ["sentori:3"]),
        // Pasted bodies, responses and log lines
        (#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID abc does not exist."}}"#, ["cometchat:ERR_UID_NOT_FOUND"]),
        (#"{"Code": 101, "Message": "Contact not found"}"#, ["sentori:101"]),
        (#"{"message": "Install does not belong to this application.", "errorCode": "INSTALL_DOES_NOT_BELONG_TO_APP", "ref": "6f1c"}"#, ["sentiance:INSTALL_DOES_NOT_BELONG_TO_APP"]),
        ("HTTP/1.1 403 Forbidden Content-Type: application/json { \"Code\":1, \"Message\":\"API Key not valid\" }", ["sentori:1"]),
        ("2026-11-30 12:00:01 ERROR link failed errorCode=INSTALL_NOT_FOUND ref=abc", ["sentiance:INSTALL_NOT_FOUND"]),
        ("E/Chat: code AUTH_ERR_AUTH_TOKEN_NOT_FOUND while logging in", ["cometchat:AUTH_ERR_AUTH_TOKEN_NOT_FOUND"]),
        (#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests"}}"#, ["cometchat:ERR_TOO_MANY_REQUESTS"]),
        // The vendor's message, with or without a status
        ("Sentori replied 404: Contact not found", ["sentori:101"]),
        ("Email Address not valid", ["sentori:100"]),
        ("Document is not of expected type", ["sentori:301"]),
        ("400 Email name already in use", ["sentori:401"]),
        ("Failed to set account", ["sentori:2"]),
        ("Audience not found", ["sentori:500"]),
        ("Bad request", ["sentori:-1", "cometchat:ERR_BAD_REQUEST"]),
        // Codes, bare, joined or around other words
        ("ERR_UID_NOT_FOUND abc", ["cometchat:ERR_UID_NOT_FOUND"]),
        ("UIDNOTFOUND", ["cometchat:ERR_UID_NOT_FOUND"]),
        ("INSTALLNOTFOUND", ["sentiance:INSTALL_NOT_FOUND"]),
        ("ERR_GUID_NOTFOUND", ["cometchat:ERR_GUID_NOT_FOUND"]),
        ("toomanyrequests", ["cometchat:ERR_TOO_MANY_REQUESTS"]),
        ("ratelimit", ["cometchat:ERR_TOO_MANY_REQUESTS"]),
        ("err_not_a_member", ["cometchat:ERR_NOT_A_MEMBER"]),
        ("-1", ["sentori:-1"]),
        ("Code 500", ["sentori:500"]),
        // HTTP statuses
        ("429", ["cometchat:ERR_TOO_MANY_REQUESTS"]),
        ("429 too many requests", ["cometchat:ERR_TOO_MANY_REQUESTS"]),
        ("409 conflict", ["sentori:401"]),
        ("403 forbidden install", ["sentiance:INSTALL_DISABLED", "sentiance:INSTALL_DELETED", "sentiance:INSTALL_DOES_NOT_BELONG_TO_APP", "sentiance:INSTALL_LINKED_TO_OTHER_USER"]),
        ("404 install", ["sentiance:INSTALL_NOT_FOUND"]),
        // Word forms
        ("blocking user", ["cometchat:ERR_BLOCKED_RECEIVER", "cometchat:ERR_BLOCKED_SENDER", "cometchat:ERR_CANNOT_BLOCK_SELF"]),
        ("importing contacts", ["sentori:105"]),
        ("kicking members from groups", ["cometchat:ERR_GROUP_NO_CLEARANCE", "cometchat:ERR_GROUP_NO_SCOPE_CLEARANCE", "cometchat:ERR_MEMBER_DELETE_FAILED"]),
        ("thread replies", ["cometchat:ERR_MESSAGE_THREAD_NESTING", "cometchat:ERR_WRONG_MESSAGE_THREAD"]),
        ("deleted installs", ["sentiance:INSTALL_DELETED"]),
        ("banning users", ["cometchat:ERR_MEMBER_BAN_FAILED", "cometchat:ERR_ALREADY_BANNED", "cometchat:ERR_BANNED_GROUPMEMBER"]),
        // Typos
        ("instal not fund", ["sentiance:INSTALL_NOT_FOUND"]),
        ("contcat not found", ["sentori:101"]),
        ("subscripton expried", ["cometchat:ERR_SUBSCRIPTION_EXPIRED"]),
        ("to many requests", ["cometchat:ERR_TOO_MANY_REQUESTS"]),
        ("ERR_UID_NOT_FOUDN", ["cometchat:ERR_UID_NOT_FOUND"]),
        ("instll dissabled", ["sentiance:INSTALL_DISABLED"]),
    ]

    @Test func expectedCodeIsInTheTopThreeForAtLeast95Percent() {
        let searcher = Searcher(catalog: Fixtures.shipped.catalog)
        var misses: [String] = []
        for (query, expected) in Self.phrasings {
            let top = searcher.search(query, limit: 3).map(\.reference.description)
            if !top.contains(where: expected.contains) { misses.append("\(query) -> \(top), expected \(expected)") }
        }
        let rate = Double(Self.phrasings.count - misses.count) / Double(Self.phrasings.count)
        if !misses.isEmpty { print("Search quality misses (\(misses.count) of \(Self.phrasings.count)):\n" + misses.joined(separator: "\n")) }
        #expect(Self.phrasings.count >= 60)
        #expect(rate >= 0.95, "\(misses.joined(separator: "\n"))")
    }

    @Test func expectedCodesExist() {
        let catalog = Fixtures.shipped.catalog
        for (query, expected) in Self.phrasings {
            for code in expected {
                #expect(catalog.entry(CodeReference(parsing: code, defaultVendor: "")) != nil, "\(query): \(code)")
            }
        }
    }
}
