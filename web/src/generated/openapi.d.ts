// The API's types, generated from mobile-api/openapi.json by `npm run api` (openapi-typescript).
// Do not edit: change the server, regenerate the document, then run `npm run api` in web/.

export interface paths {
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a resident account
         * @description A resident account from an email address or a Vietnamese mobile number (`0905123456`, `+84905123456` and `84-905-123-456` are the same account, stored as `+84905123456`). Public. A six-digit code is sent to the login (email, or SMS through the configured gateway), valid once for 30 minutes: the account reports once it is verified with it (`POST /me/verification/confirm`; `verified` says whether it is).
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description Starts a session: an access token (15 minutes) and a refresh token. Public. Every attempt is counted before its password is checked, against the attempts on this login from this client address (by default 10 per 15 minutes, then `429 account_locked` with `Retry-After`; a success clears them, and other addresses are not affected) and against this address's attempts on any login (by default 300 an hour, then `429 rate_limited`). An unknown login is answered exactly as a wrong password is.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for a new pair
         * @description Each refresh token works once. Within 10 seconds of its first use it may be presented again (a retry after a lost answer) and gets the same new pair's refresh token; presented later, it revokes the whole session (`401 refresh_token_reused`). Public.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out
         * @description Revokes the refresh token's session (its whole family). Unknown tokens answer `204` too, so logging out twice is harmless. Public: the refresh token is the credential.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset code
         * @description Public. When an enabled account logs in with this email address or phone number, a six-digit code is sent to it (email, or SMS through the configured gateway), valid once for 15 minutes; a new code voids the earlier ones. The answer is `202` whether or not an account has the login. Counted against the login's budget (by default 3 an hour and 10 a day) and the client address's (30 an hour): `429 rate_limited` with `Retry-After` beyond them.
         */
        post: operations["request_password_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset code
         * @description Public. With the login's open code, sets `new_password` (`204`); the code is spent, every session of the account ends (log in again), and the failed logins on this login from this address are forgotten, so a login locked by guessing opens again. A wrong, used or expired code, or a login without a code, is `422 invalid_reset_code`; after 5 wrong tries the code is void (ask for a new one).
         */
        post: operations["confirm_password_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's password
         * @description Given the current password (`401 invalid_credentials` otherwise), sets the new one (`422 weak_password` unless 8 to 128 characters) and ends every session of the account on every device. The current password is checked like a login (`429 account_locked` after repeated failures): its refresh tokens are revoked and its access tokens refused. The answer is a new session for the device that asked.
         */
        post: operations["change_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a new verification code
         * @description Registering sends a six-digit code to the new account's login (email, or SMS through the configured gateway), valid once for 30 minutes. This sends a new one (the earlier one is void), counted against the account's budget (by default 3 an hour and 10 a day) and the client address's (30 an hour): `429 rate_limited` with `Retry-After` beyond them. `409 already_verified` when the account needs none.
         */
        post: operations["request_verification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/verification/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify one's account with the code
         * @description With the code last sent to the caller's login, verifies the account: it may report from now on. A wrong, used or expired code is `422 invalid_verification_code`; a code is void after 5 wrong tries (ask for a new one). An account already verified answers as it is. The answer is the account, `verified: true`.
         */
        post: operations["confirm_verification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Log out everywhere
         * @description Ends every session of the account on every device, this one included: its refresh tokens are revoked and its access tokens refused (`401 invalid_token`) from now on.
         */
        delete: operations["end_sessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete one's account
         * @description A resident deletes their account, confirmed with their password (`401 invalid_credentials` otherwise; checked like a login, `429 account_locked` after repeated failures): their login, name, password, sessions and the emails still queued to them are erased at once, and their reports are kept without identity (docs/privacy.md). The login can be registered again. Staff accounts are disabled by an administrator instead (`403 forbidden`).
         */
        delete: operations["delete_account"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications
         * @description What the caller was told about the reports they made or support (accepted, a question, resolved with the after photo's thumbnail, rejected or a duplicate, reopened), newest first, in pages (`before` = the previous page's `next_before`), with the unread count for the app's badge. Every notification is here, whatever the caller chose to receive by push or email.
         */
        get: operations["my_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications read
         * @description Marks the caller's notifications up to `up_to` (an `id`) read. Reading never goes back: a smaller `up_to` than before changes nothing. Answers the unread count.
         */
        post: operations["read_notifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What reaches the caller by which channel
         * @description Per channel (`push`, `email`): `updates` (news of the reports the caller made or supports) and `alerts` (new reports in their alert areas). Everything is on until the caller chooses; the list in the app always has everything. Email reaches only an email login.
         */
        get: operations["my_preferences"];
        /**
         * Choose what reaches the caller by which channel
         * @description The whole choice, every field given. Answers it as stored.
         */
        put: operations["set_my_preferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The key browsers subscribe to pushes with
         * @description The server's VAPID public key (RFC 8292). It is the same for every server of a deployment and changes only when the operator replaces it (subscriptions made with the old one then stop working: browsers subscribe again).
         */
        get: operations["push_key"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive pushes in this browser
         * @description Stores the browser's push subscription (made with the key of `GET /api/v1/push/key`) for the caller: news of the reports they follow then also arrives as a push, when they chose it (`/me/preferences`). Idempotent on the endpoint: `201` when new, `200` when known (a browser where someone else was signed in before is the caller's now). Endpoints only of the configured push services (`HIENTRUONG_PUSH_SERVICES`: the browsers' own by default), keys of the right shape, else `422 invalid_push_subscription`.
         */
        post: operations["subscribe_push"];
        /**
         * Stop pushes to a browser
         * @description Removes the caller's subscription with this endpoint (`204` also when there is none). A subscription the push service says is gone (404, 410) is removed by itself.
         */
        delete: operations["unsubscribe_push"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's area alerts
         * @description Oldest first.
         */
        get: operations["my_alerts"];
        put?: never;
        /**
         * Watch an area for new reports
         * @description New public reports in a commune or ward (`commune`), or within `radius_m` (50 to 2,000) of a point (`lat`, `lon`), optionally of some `categories` only, are told to the caller in one digest per alert and period (`digest`: `hourly` by default, or `daily`; urgent categories such as fire and flooding at once): in the app, and by push and email as their `alerts` preferences say. Never the caller's own reports, never one report twice. `422 invalid_alert` for anything else (an unknown commune or category); `409 too_many_alerts` beyond 20.
         */
        post: operations["create_alert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Stop watching an area
         * @description What it had not told yet is dropped. `404` for an alert that is not the caller's.
         */
        delete: operations["delete_alert"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unsubscribe link opened in a browser
         * @description A page with one button that posts to the same address. Changes nothing.
         */
        get: operations["unsubscribe_email_page"];
        put?: never;
        /**
         * Stop email about reports (one click)
         * @description The `List-Unsubscribe` link of every email about a report, with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): turns off the account's email `updates` and `alerts` (`/me/preferences`); messages about the account itself (codes) still come. Any body is ignored. `404` for a token that is nobody's.
         */
        post: operations["unsubscribe_email"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The report categories
         * @description The active categories, in display order. Public.
         */
        get: operations["list_categories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The communes and wards
         * @description The communes in force today; with `format=geojson`, a FeatureCollection of their outlines (simplified to about 20 m) with the same fields as properties. Public.
         */
        get: operations["list_communes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The handling units
         * @description The active handling units (departments, and each commune's People's Committee with its `commune`), for transfers and the league table. Public.
         */
        get: operations["list_units"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public list of reports
         * @description Newest first, keyset-paginated: pages stay consistent while new reports arrive. Public (a token is not looked at). An empty parameter counts as absent; an unknown one is `400 invalid_query`.
         */
        get: operations["list_reports"];
        put?: never;
        /**
         * Submit a report
         * @description Residents, and IOC operators taking a call on the hotline: they send `caller` `{name, phone}` (required from them: `422 caller_required`; refused from residents: `403 forbidden`), the report's channel is then `hotline`, the caller is its contact (seen as a reporter's identity is), and no report limit applies; other staff get `403 forbidden`. A resident reports once their account is verified (the code sent at registration, `POST /me/verification/confirm`): `403 verification_required` until then, nothing stored; the app keeps the report and sends it again after verifying. `channel`: `app` (default) or `web`. JSON, or `multipart/form-data` with a part `report` (the same JSON) and up to five parts `photo` (JPEG, PNG or WebP, at most 10 MB and 50 megapixels each); then `lat`/`lon` may be left out and are read from the first photo with an EXIF GPS position. The point must be in Huế. Stored exactly once per `Idempotency-Key`: a retry with the same key and body answers the stored report again (`Idempotent-Replayed: true`); the same key with another body is `409 idempotency_conflict`. New reports count against the account's limits (by default 10 an hour and 30 a day) and the client address's (120 an hour): `429 rate_limited` with `Retry-After` beyond them; a retry of a stored report is always answered.
         */
        post: operations["create_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo to one's report
         * @description The reporter (a resident) adds one photo (`multipart/form-data`, one part `photo`) to their report, with its own `Idempotency-Key`: a retry with the same key and file answers the same photo (`Idempotent-Replayed: true`). At most five photos a report; none once it is finished (`409 report_closed`).
         */
        post: operations["add_report_photo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A photo's evidence record
         * @description EXIF position, capture time, camera and orientation, and the original's SHA-256. IOC operators and administrators only (`403 forbidden` otherwise).
         */
        get: operations["get_photo_evidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{id}/original": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A photo's original file
         * @description The file as uploaded, metadata included, as a download (`Content-Disposition: attachment`, `Cache-Control: private, no-store`). IOC operators and administrators only (`403 forbidden` otherwise).
         */
        get: operations["get_photo_original"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open reports of a category near a point
         * @description "Already reported?": the open reports (not yet resolved, closed, rejected or a duplicate) of the category within its radius of the point (250 m unless an administrator set another, never above 1,000 m), nearest first, at most 5, each the public view with `distance_m`. The app shows them before a resident files the same problem again, who may support one instead (`PUT /reports/{id}/support`). An unknown or inactive category is `422 unknown_category`. Public.
         */
        get: operations["nearby_reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One report by its tracking code
         * @description The report a tracking code (`HT-7K3M-9QXD`; case, hyphens, spaces and the `HT` prefix optional, I/L read as 1 and O as 0) stands for, as `GET /reports/{id}` answers it. A code that is not one, or names no report, is `404 not_found`. Public; a token, when sent, must be valid.
         */
        get: operations["get_report_by_code"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One report
         * @description With the reporter's token, the whole report; for anyone else (or without a token) the public view, without `mine`, `idempotency_key` and `routing`. Both with the public timeline. Public; a token, when sent, must be valid.
         */
        get: operations["get_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own reports
         * @description The caller's reports, in full, newest first, with the same filters as the public list. Any logged-in user.
         */
        get: operations["my_reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate the result of one's report
         * @description The reporter, once, when the report is `resolved` (or `closed` before they rated it). A score of 3 or more closes the report; 2 or less reopens it for the unit's manager. Any logged-in user may call it; only the reporter of the report succeeds.
         */
        post: operations["rate_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the caller supports a report
         * @description `supported` says whether the caller supports the report, `support_count` how many residents do. Any logged-in user.
         */
        get: operations["get_support"];
        /**
         * Support a report
         * @description A resident supports a report instead of filing the same problem again: it counts once however often it is sent (`support_count`). Their own report is `409 own_report`, a finished one (resolved, closed, rejected, a duplicate) `409 report_closed`; other roles get `403 forbidden`, a resident whose account is not verified yet `403 verification_required`.
         */
        put: operations["support_report"];
        post?: never;
        /**
         * Withdraw a support
         * @description The resident's support of the report is withdrawn (none given is no error). Residents only (`403 forbidden` otherwise).
         */
        delete: operations["withdraw_support"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The headline figures of a period
         * @description City-wide figures (optionally for one category) are public; for one commune or one unit they are for IOC operators and administrators (`401 missing_token` without a token, `403 forbidden` for other roles). A rate without a denominator is `null`. `format=csv`: a download, a header line and one line of figures (empty where JSON has `null`); `format=geojson` is `400 invalid_query`. Without a token the period is at most a year, and the answer is shared with other anonymous callers for a minute (`ETag`, `Cache-Control: public, max-age=60`). A statistic waiting over 10 s for its turn is `503 service_unavailable`.
         */
        get: operations["stats_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/communes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The figures of each commune
         * @description One row per current commune (those without any figure too). IOC operators and administrators only (`401 missing_token` without a token, `403 forbidden` for other roles). `format=csv`: a download, one line per row; `format=geojson`: a FeatureCollection of the communes' outlines with the rows as properties.
         */
        get: operations["stats_communes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The league table of handling units
         * @description One row per unit with figures, best on-time rate first. IOC operators and administrators only (`401 missing_token` without a token, `403 forbidden` for other roles). `format=csv`: a download; `format=geojson` is `400 invalid_query`.
         */
        get: operations["stats_units"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The figures period by period
         * @description One row per day, week or month that has any figure (`key`: its first day, Huế time). City-wide for anyone; for a commune or unit, IOC operators and administrators (`401 missing_token` without a token, `403 forbidden` for other roles). `format=csv`: a download; `format=geojson` is `400 invalid_query`. Without a token the period is at most a year, and the answer is shared with other anonymous callers for a minute (`ETag`, `Cache-Control: public, max-age=60`).
         */
        get: operations["stats_timeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The figures by channel
         * @description One row per channel, every channel: `app` (phone apps), `web` (the residents' web app), `open311` (client applications) and `hotline` (calls an IOC operator entered). City-wide for anyone; for a commune or unit, IOC operators and administrators (`401 missing_token` without a token, `403 forbidden` for other roles). `format=csv`: a download; `format=geojson` is `400 invalid_query`. Without a token the period is at most a year, and the answer is shared with other anonymous callers for a minute.
         */
        get: operations["stats_channels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live ticket events (Server-Sent Events)
         * @description A stream that does not end: each public event of a ticket (receipt, changes of state, public answers, ratings) is a message `event: ticket` with its `id` and `data: {"id", "report_id", "kind", "status", "unit", "commune", "category", "at"}`; no personal data, no internal notes. A comment line every 15 s keeps it open. A client more than 1,024 events behind is sent `event: lagged` with `data: {"missed": N}`. Open streams are bounded per server process (500 by default) and per client address (10): beyond, `429 too_many_streams` with `Retry-After`. Public.
         */
        get: operations["events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ticket inbox
         * @description Staff only (officers, unit managers, IOC operators, administrators; residents get `403 forbidden`): the caller's unit's tickets, or the whole city for IOC operators and administrators, most pressing deadline first, keyset-paginated. `counts` counts every ticket matching the filters other than `status`.
         */
        get: operations["list_tickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inbox as a CSV download
         * @description Staff only, same filters and scope as the inbox (`limit` and `cursor` ignored), at most 50,000 tickets. The reporter's name and login are columns for IOC operators and administrators only.
         */
        get: operations["export_tickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ticket
         * @description Staff only: the ticket with its events (internal ones included), rating and the actions the caller may take now; the reporter's identity for IOC operators and administrators only. A ticket outside the caller's reach is `404 not_found`.
         */
        get: operations["get_ticket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Act on a ticket
         * @description Staff only; what each role may do is in docs/tickets.md (`403 forbidden` otherwise). `transfer` needs `to_unit` and `note`, `reject` `public_answer`, `mark_duplicate` `duplicate_of`, `reopen` `note`, `assign` `assignee`, `comment` `note` and/or `public_answer`. An action the state does not allow is `409 transition_not_allowed`.
         */
        post: operations["transition_ticket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an "after" photo to a ticket
         * @description Officers and managers of the ticket's unit (and administrators), while it is accepted or in progress: one part `photo` with its own `Idempotency-Key`. A photo with a GPS position must have been taken within 200 m of the report.
         */
        post: operations["add_ticket_photo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A unit's response templates
         * @description By title. Officers and managers read their own unit's (`unit` may be left out); IOC operators and administrators, who have no unit, name one with `unit` (`400 invalid_query` otherwise). Residents get `403 forbidden`.
         */
        get: operations["list_templates"];
        put?: never;
        /**
         * Add a response template
         * @description The unit's manager, or an administrator (`403 forbidden` otherwise).
         */
        post: operations["create_template"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a response template
         * @description The unit's manager, or an administrator; a template they may not change is `404 not_found`.
         */
        delete: operations["delete_template"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log
         * @description Administrators only: every recorded staff action (changes of accounts, units, categories, routing rules, SLA policies, holidays, populations and API keys; hides and locks; downloads and views that disclose a reporter's identity or a photo's original), newest first, in pages (`cursor`). Filters: `actor`, `action`, `from`/`to`. `format=csv`: the same as a download of up to 50,000 rows. The log is append-only.
         */
        get: operations["list_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff accounts
         * @description The staff (optionally of one `unit`): administrators only. With `q`: any account whose login or name contains it, residents included, for IOC operators and administrators (who lock accounts); `403 forbidden` otherwise.
         */
        get: operations["list_staff"];
        put?: never;
        /**
         * Create a staff account
         * @description The same as `hientruong user create`. Administrators only (`403 forbidden` otherwise).
         */
        post: operations["create_staff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change or disable an account
         * @description Changes a role and unit, or disables (at once) or enables an account. Administrators only (`403 forbidden` otherwise).
         */
        patch: operations["update_staff"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock an account for abuse
         * @description IOC operators lock residents' accounts, administrators anyone's but their own (`403 forbidden` otherwise). The account's sessions end at once; logging in is refused with `403 account_locked_by_staff`, the reason in `detail` (after the right password only). So it can no longer report, support or rate. Reversible: `unlock`.
         */
        post: operations["lock_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock an account
         * @description Who may lock an account may unlock it; it may log in again.
         */
        post: operations["unlock_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/reports/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide a report's text or a photo from the public
         * @description IOC operators and administrators (`403 forbidden` otherwise) hide what should not be public: abuse, personal data of a third party, a face or a plate. At once, the public views, Open311 and the photo's variants (`404`; they are cached five minutes at most) stop showing it; the text reads empty with `text_hidden: true`. The original is kept: the reporter and staff see it, flagged. Reversible with `unhide`; hiding twice changes nothing.
         */
        post: operations["hide_report_content"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/reports/{id}/unhide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show a hidden text or photo again
         * @description IOC operators and administrators; what was not hidden is no error.
         */
        post: operations["unhide_report_content"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API keys of client applications
         * @description Every key for Open311 postings, newest first, revoked ones too; never a key's secret. Administrators only (`403 forbidden` otherwise).
         */
        get: operations["list_api_keys"];
        put?: never;
        /**
         * Create an API key
         * @description A key for a client application (Open311 postings). The answer's `api_key` is the only time the key is shown; only its hash is stored. Administrators only (`403 forbidden` otherwise).
         */
        post: operations["create_api_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes the key at once: postings with it are refused with `403 invalid_api_key`; the reports it brought stay. Revoking again changes nothing. Administrators only (`403 forbidden` otherwise).
         */
        delete: operations["revoke_api_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All handling units
         * @description Inactive ones included, with their mailboxes. Administrators only (`403 forbidden` otherwise).
         */
        get: operations["admin_units"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update a handling unit
         * @description `kind`: `commune_committee`, `department` or `ioc`. Administrators only (`403 forbidden` otherwise).
         */
        put: operations["put_unit"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All categories
         * @description Inactive ones included. Administrators only (`403 forbidden` otherwise).
         */
        get: operations["admin_categories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update a category
         * @description The code: lower-case letters, digits and hyphens. Administrators only (`403 forbidden` otherwise).
         */
        put: operations["put_category"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All routing rules
         * @description Ended ones included. Administrators only (`403 forbidden` otherwise).
         */
        get: operations["routing_rules"];
        put?: never;
        /**
         * Add a routing rule
         * @description A change is a new rule and the end of the old one. Administrators only (`403 forbidden` otherwise).
         */
        post: operations["add_routing_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/routing-rules/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a routing rule
         * @description Administrators only (`403 forbidden` otherwise).
         */
        post: operations["end_routing_rule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The deadline policies
         * @description Administrators only (`403 forbidden` otherwise).
         */
        get: operations["sla_policies"];
        /**
         * Set a deadline policy
         * @description The policy of (category or default, urgency); it applies to tickets received from now on. Administrators only (`403 forbidden` otherwise).
         */
        put: operations["put_sla_policy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The holiday calendar
         * @description Administrators only (`403 forbidden` otherwise).
         */
        get: operations["holidays"];
        /**
         * Add or rename holidays
         * @description Deadlines computed from now on count them; running ones keep theirs. Administrators only (`403 forbidden` otherwise).
         */
        put: operations["put_holidays"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/holidays/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a holiday
         * @description Administrators only (`403 forbidden` otherwise).
         */
        delete: operations["delete_holiday"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/populations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The communes' populations
         * @description The basis of the engagement index's participation. Administrators only (`403 forbidden` otherwise).
         */
        get: operations["populations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/populations/{commune}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a commune's population
         * @description Administrators only (`403 forbidden` otherwise).
         */
        put: operations["put_population"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 document of `/api/v1`. Public.
         */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountDeletion: {
            /** @description The account's password, to confirm. */
            password: string;
        };
        /**
         * @description What staff can do to a ticket.
         * @enum {string}
         */
        Action: "accept" | "start" | "ask_citizen" | "resume" | "resolve" | "close" | "transfer" | "reject" | "mark_duplicate" | "reopen" | "assign" | "comment";
        /**
         * @description The fields an action takes: what `TransitionRequest::validate` checks, and what the apps'
         *     forms show (the ticket's `action_forms`).
         */
        ActionForm: {
            /** @description Each must be given, checked in this order. */
            required: components["schemas"]["TransitionField"][];
            /**
             * @description Taken when given; a field in neither list is not taken (a transition's other fields are
             *     dropped).
             */
            optional: components["schemas"]["TransitionField"][];
            /** @description At least one of the optional fields must be given (a comment: a note or a public update). */
            one_of_optional: boolean;
        };
        /** @description One report of an alert's digest: what anyone may see of it. */
        AlertItem: {
            /** Format: uuid */
            id: string;
            tracking_code: string;
            category_vi: string;
            category_en: string;
            commune_vi: string;
        };
        /** @description An area alert. */
        AlertView: {
            /** Format: int64 */
            id: number;
            commune?: string | null;
            /** @description The commune's name. */
            commune_name?: string | null;
            /** Format: double */
            lat?: number | null;
            /** Format: double */
            lon?: number | null;
            /** Format: int32 */
            radius_m?: number | null;
            categories: string[];
            digest: components["schemas"]["Digest"];
            /** Format: date-time */
            created_at: string;
        };
        /** @description A checked answer, stored with the report. */
        Answer: string | number | string[];
        /**
         * @description A key as administrators see it: never its secret, which exists only in the answer that
         *     created it.
         */
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The first characters of the key, to tell keys apart. */
            prefix: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at?: string | null;
            /** Format: date-time */
            revoked_at?: string | null;
        };
        ApiKeyRequest: {
            /** @description The client application's name (1 to 100 characters; unique among active keys). */
            name: string;
        };
        /** @description One recorded action. */
        AuditEntry: {
            /** Format: int64 */
            id: number;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            actor_id: string;
            /** @description The actor's role when they acted. */
            actor_role: string;
            /** @description `<object>.<verb>`, for example `user.lock` (docs/api.md lists them). */
            action: string;
            /**
             * @description What was acted on: an account's, report's, photo's or key's id, a unit's or category's
             *     code, a date, or `*` for a download of many.
             */
            target: string;
            /** @description What was asked or changed (a change of an account: `before` and `after`). */
            detail: Record<string, unknown>;
        };
        /**
         * Format: binary
         * @description A file's bytes (schema only).
         */
        Binary: string;
        /**
         * @description Who called the hotline: kept as the report's contact, seen only by those who may know who
         *     reported.
         */
        Caller: {
            /** @description 1 to 100 characters. */
            name: string;
            /**
             * @description A Vietnamese mobile or landline number; kept in `+84` form.
             * @example 0234 3822 123
             */
            phone: string;
        };
        Category: {
            code: string;
            name_vi: string;
            name_en: string;
            urgent: boolean;
            active: boolean;
            /** Format: int32 */
            sort_order: number;
            /**
             * Format: int32
             * @description How far "already reported?" looks for open reports of the category, metres.
             */
            nearby_radius_m: number;
        };
        CategoryInput: {
            name_vi: string;
            name_en: string;
            urgent?: boolean;
            active?: boolean;
            /** Format: int32 */
            sort_order?: number;
            /**
             * Format: int32
             * @description How far "already reported?" looks for open reports of the category, 10 to 1,000 metres.
             * @default 250
             */
            nearby_radius_m: number;
        };
        /** @description A report category, for the app's picker. */
        CategoryItem: {
            code: string;
            name: string;
            name_en: string;
            /** @description Urgent categories run on the wall clock. */
            urgent: boolean;
        };
        /**
         * @description How a report came in, for the statistics by channel.
         * @enum {string}
         */
        Channel: "app" | "web" | "open311" | "hotline";
        /** @description What one channel brings: news of the reports one follows, and area alerts. */
        ChannelChoice: {
            /**
             * @description News of the reports one made or supports: accepted, a question, resolved, rejected or a
             *     duplicate, reopened.
             */
            updates: boolean;
            /** @description New reports in one's alert areas. */
            alerts: boolean;
        };
        /**
         * @description The channels a client names for itself.
         * @enum {string}
         */
        ClientChannel: "app" | "web";
        /**
         * @description Which clock a ticket's deadline runs on.
         * @enum {string}
         */
        ClockKind: "working" | "wall_clock";
        /** @description A commune or ward in force today. */
        Commune: {
            /** @description The 5-digit code of the General Statistics Office. */
            code: string;
            name: string;
            full_name: string;
            name_en: string;
            full_name_en: string;
            /** @description `ward` or `commune`. */
            level: string;
            /** Format: double */
            area_km2?: number | null;
            /** Format: date */
            valid_from: string;
        };
        /**
         * @description What a client application says about its reporter and the posting's origin: never published;
         *     shown only to those who may know who reported.
         */
        Contact: {
            email?: string | null;
            first_name?: string | null;
            last_name?: string | null;
            phone?: string | null;
            device_id?: string | null;
            account_id?: string | null;
            /** @description A link to media hosted elsewhere; kept, never fetched. */
            media_url?: string | null;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The key itself: shown this once, stored only as a hash. */
            api_key: string;
        };
        /**
         * @description How often an alert's digest goes: hourly by default, or daily.
         * @enum {string}
         */
        Digest: "hourly" | "daily";
        /**
         * @description Median and 90th percentile of a handling time, in working and wall-clock hours, over `count`
         *     tickets.
         */
        Durations: {
            /** Format: int64 */
            count: number;
            /** Format: double */
            median_working_h?: number | null;
            /** Format: double */
            p90_working_h?: number | null;
            /** Format: double */
            median_wall_h?: number | null;
            /** Format: double */
            p90_wall_h?: number | null;
        };
        /**
         * @description The index and its parts, each 0 to 100 (a part is absent when it has no data; the index is
         *     then the weighted mean of the parts present).
         */
        Engagement: {
            /** Format: double */
            index?: number | null;
            /** Format: double */
            participation_per_1000_month?: number | null;
            participation_basis: components["schemas"]["ParticipationBasis"];
            /** Format: double */
            participation?: number | null;
            /** Format: double */
            responsiveness?: number | null;
            /** Format: double */
            resolution?: number | null;
            /** Format: double */
            satisfaction?: number | null;
        };
        /**
         * @description Every error answer: a stable `error` code to switch on, a `message` to show (Vietnamese, or English with `Accept-Language: en`, as `Content-Language` says) and sometimes a `detail` for the app's developer. The codes, their status and English message:
         *
         *     | code | status | message |
         *     |---|---|---|
         *     | `invalid_json` | 400 | The request body is not valid JSON for this endpoint. |
         *     | `unsupported_media_type` | 415 | Unsupported content type; send application/json. |
         *     | `payload_too_large` | 413 | The request body is too large. |
         *     | `invalid_query` | 400 | Invalid query parameters. |
         *     | `invalid_cursor` | 400 | The pagination cursor is invalid. |
         *     | `invalid_bbox` | 400 | bbox must be minLon,minLat,maxLon,maxLat with valid coordinates. |
         *     | `not_found` | 404 | Not found. |
         *     | `missing_token` | 401 | Authentication required: missing access token (Authorization: Bearer). |
         *     | `invalid_token` | 401 | The access token is invalid. |
         *     | `token_expired` | 401 | The access token has expired; refresh it. |
         *     | `forbidden` | 403 | You are not allowed to do this. |
         *     | `invalid_login` | 422 | The login must be an email address or a Vietnamese mobile number. |
         *     | `weak_password` | 422 | The password must be 8 to 128 characters long. |
         *     | `invalid_full_name` | 422 | The full name must not be empty and at most 100 characters. |
         *     | `login_taken` | 409 | This login is already registered. |
         *     | `invalid_reset_code` | 422 | The reset code is wrong, used or expired; ask for a new one. |
         *     | `invalid_verification_code` | 422 | The verification code is wrong, used or expired; ask for a new one. |
         *     | `verification_required` | 403 | Verify your account with the code sent to your email or phone before sending reports. |
         *     | `already_verified` | 409 | This account is already verified. |
         *     | `invalid_alert` | 422 | The alert's area is invalid: a commune or ward, or a point with a radius of 50 to 2,000 m. |
         *     | `too_many_alerts` | 409 | An account may keep at most 20 alerts; delete some first. |
         *     | `invalid_push_subscription` | 422 | The push subscription is invalid: its endpoint is not on an accepted push service, or its keys are malformed. |
         *     | `invalid_credentials` | 401 | Wrong login or password. |
         *     | `account_locked_by_staff` | 403 | This account was locked by staff; the reason is in the detail. Call the hotline if this is a mistake. |
         *     | `account_locked` | 429 | Account temporarily locked after repeated failed logins; try again later. |
         *     | `account_disabled` | 403 | This account has been disabled. |
         *     | `invalid_refresh_token` | 401 | The refresh token is invalid or expired. |
         *     | `refresh_token_reused` | 401 | The refresh token was already used; the session was revoked for safety. |
         *     | `unknown_category` | 422 | Unknown report category. |
         *     | `caller_required` | 422 | A report taken on the hotline needs the caller's name and phone number. |
         *     | `invalid_caller` | 422 | The caller's name must be 1 to 100 characters and the phone a valid Vietnamese number. |
         *     | `invalid_coordinates` | 422 | Invalid coordinates: latitude in [-90, 90], longitude in [-180, 180]. |
         *     | `description_empty` | 422 | The description must not be empty. |
         *     | `description_too_long` | 422 | The description may be at most 4000 characters. |
         *     | `address_too_long` | 422 | The address may be at most 500 characters. |
         *     | `outside_service_area` | 422 | The location is outside the city of Huế. |
         *     | `idempotency_key_required` | 400 | Missing Idempotency-Key header (a UUID the app generates once per report). |
         *     | `invalid_idempotency_key` | 400 | Idempotency-Key must be a UUID. |
         *     | `idempotency_conflict` | 409 | This Idempotency-Key was already used for a different report. |
         *     | `location_required` | 422 | A location is required: send lat/lon or a photo with a GPS position. |
         *     | `photo_empty` | 422 | The photo file is empty. |
         *     | `unsupported_image_format` | 415 | Unsupported image format; only JPEG, PNG and WebP are accepted. |
         *     | `photo_too_large` | 413 | The photo is over the size limit per photo. |
         *     | `photo_too_many_pixels` | 422 | The photo is over the megapixel limit. |
         *     | `photo_corrupt` | 422 | The photo file is damaged or incomplete. |
         *     | `photo_metadata_corrupt` | 422 | The photo's EXIF metadata is damaged. |
         *     | `too_many_photos` | 422 | Too many photos for one report. |
         *     | `invalid_multipart` | 400 | Invalid multipart body: expected a `report` part (JSON) and `photo` parts. |
         *     | `media_busy` | 503 | Too many photos are being processed; retry in a few seconds. |
         *     | `too_many_uploads` | 429 | Too many uploads at once from you; wait for the previous ones to finish. |
         *     | `upload_too_slow` | 408 | The upload arrived too slowly and was cut off; send it again on a better connection. |
         *     | `too_many_streams` | 429 | Too many event streams are open; close some and try again. |
         *     | `unknown_action` | 422 | Unknown action. |
         *     | `transition_not_allowed` | 409 | This action is not possible in the ticket's current state. |
         *     | `note_required` | 422 | This action needs a note (the reason). |
         *     | `public_answer_required` | 422 | This action needs a public answer to the reporter. |
         *     | `text_too_long` | 422 | Notes, answers and comments may be at most 4000 characters. |
         *     | `unknown_unit` | 422 | The handling unit does not exist or is inactive. |
         *     | `same_unit` | 422 | The ticket already belongs to this unit. |
         *     | `invalid_duplicate` | 422 | Invalid original: it must be another report that is not itself a duplicate. |
         *     | `invalid_assignee` | 422 | The assignee must be an active officer of the handling unit. |
         *     | `resolution_photo_required` | 422 | At least one after photo is needed before resolving. |
         *     | `photo_too_far` | 422 | The after photo was taken more than 200 m from the report. |
         *     | `report_closed` | 409 | The report is finished; it can no longer take photos or supports. |
         *     | `invalid_score` | 422 | The score must be from 1 to 5. |
         *     | `rating_not_allowed` | 409 | A report can be rated only once it has been resolved. |
         *     | `already_rated` | 409 | This report has already been rated. |
         *     | `own_report` | 409 | This is your own report; there is no need to support it. |
         *     | `unknown_role` | 422 | Unknown role. |
         *     | `unit_required` | 422 | Officers and unit managers belong to exactly one unit; other roles to none. |
         *     | `invalid_definition` | 422 | Invalid definition: check the code (lower-case letters, digits, hyphens), names, email and kind. |
         *     | `invalid_policy` | 422 | Invalid SLA policy: positive times, accept time not above resolve time. |
         *     | `invalid_template` | 422 | A response template needs a title (at most 200 characters) and a body (at most 4000). |
         *     | `invalid_api_key` | 403 | The API key is missing, invalid or revoked. |
         *     | `invalid_api_key_name` | 422 | The application name needs 1 to 100 characters and no active key may already use it. |
         *     | `rate_limited` | 429 | Too many requests; try again later. |
         *     | `invalid_attribute` | 422 | An answer to the category's extra questions is invalid. |
         *     | `date_range_too_long` | 400 | The date range may span at most 90 days. |
         *     | `unknown_jurisdiction` | 404 | This server does not serve that jurisdiction_id. |
         *     | `invalid_period` | 422 | The end must be after the start. |
         *     | `service_unavailable` | 503 | The service is temporarily unavailable; try again shortly. |
         *     | `internal_error` | 500 | Internal error; the request was not carried out. |
         */
        Error: {
            /**
             * @description The code
             * @enum {string}
             */
            error: "invalid_json" | "unsupported_media_type" | "payload_too_large" | "invalid_query" | "invalid_cursor" | "invalid_bbox" | "not_found" | "missing_token" | "invalid_token" | "token_expired" | "forbidden" | "invalid_login" | "weak_password" | "invalid_full_name" | "login_taken" | "invalid_reset_code" | "invalid_verification_code" | "verification_required" | "already_verified" | "invalid_alert" | "too_many_alerts" | "invalid_push_subscription" | "invalid_credentials" | "account_locked_by_staff" | "account_locked" | "account_disabled" | "invalid_refresh_token" | "refresh_token_reused" | "unknown_category" | "caller_required" | "invalid_caller" | "invalid_coordinates" | "description_empty" | "description_too_long" | "address_too_long" | "outside_service_area" | "idempotency_key_required" | "invalid_idempotency_key" | "idempotency_conflict" | "location_required" | "photo_empty" | "unsupported_image_format" | "photo_too_large" | "photo_too_many_pixels" | "photo_corrupt" | "photo_metadata_corrupt" | "too_many_photos" | "invalid_multipart" | "media_busy" | "too_many_uploads" | "upload_too_slow" | "too_many_streams" | "unknown_action" | "transition_not_allowed" | "note_required" | "public_answer_required" | "text_too_long" | "unknown_unit" | "same_unit" | "invalid_duplicate" | "invalid_assignee" | "resolution_photo_required" | "photo_too_far" | "report_closed" | "invalid_score" | "rating_not_allowed" | "already_rated" | "own_report" | "unknown_role" | "unit_required" | "invalid_definition" | "invalid_policy" | "invalid_template" | "invalid_api_key" | "invalid_api_key_name" | "rate_limited" | "invalid_attribute" | "date_range_too_long" | "unknown_jurisdiction" | "invalid_period" | "service_unavailable" | "internal_error";
            /** @description The message in the language asked for */
            message: string;
            /** @description What exactly was wrong, for the app's developer (a JSON field, a parameter) */
            detail?: string;
        };
        EventActor: {
            /** Format: uuid */
            id?: string;
            full_name?: string;
            role: string;
        };
        EventJson: {
            /** Format: int64 */
            id: number;
            kind: string;
            from_status?: null | components["schemas"]["Status"];
            to_status?: null | components["schemas"]["Status"];
            actor?: null | components["schemas"]["EventActor"];
            unit?: string | null;
            from_unit?: string | null;
            /** @description Internal note, for staff only. */
            note?: string | null;
            /** @description What the reporter and the public see. */
            public_answer?: string | null;
            /** @description Whether this entry is on the public timeline. */
            public: boolean;
            /** Format: uuid */
            duplicate_of?: string | null;
            assignee?: null | components["schemas"]["Person"];
            /** Format: date-time */
            at: string;
        };
        /** @description What the original's metadata says. */
        Exif: {
            /** Format: double */
            lat?: number | null;
            /** Format: double */
            lon?: number | null;
            /** Format: date-time */
            taken_at?: string | null;
            camera?: string | null;
            /** Format: int32 */
            orientation: number;
        };
        /** @description A GeoJSON FeatureCollection (RFC 7946) of communes. */
        FeatureCollection_Commune: {
            /** @description `FeatureCollection`. */
            type: string;
            features: components["schemas"]["Feature_Commune"][];
        };
        /** @description A GeoJSON FeatureCollection (RFC 7946) of communes. */
        FeatureCollection_StatsRow: {
            /** @description `FeatureCollection`. */
            type: string;
            features: components["schemas"]["Feature_StatsRow"][];
        };
        /** @description One commune: its outline and its row. */
        Feature_Commune: {
            /** @description `Feature`. */
            type: string;
            /** @description The commune's code. */
            id: string;
            /** @description A GeoJSON geometry (a MultiPolygon, coordinates with 5 decimals). */
            geometry: Record<string, unknown>;
            /** @description A commune or ward in force today. */
            properties: {
                /** @description The 5-digit code of the General Statistics Office. */
                code: string;
                name: string;
                full_name: string;
                name_en: string;
                full_name_en: string;
                /** @description `ward` or `commune`. */
                level: string;
                /** Format: double */
                area_km2?: number | null;
                /** Format: date */
                valid_from: string;
            };
        };
        /** @description One commune: its outline and its row. */
        Feature_StatsRow: {
            /** @description `Feature`. */
            type: string;
            /** @description The commune's code. */
            id: string;
            /** @description A GeoJSON geometry (a MultiPolygon, coordinates with 5 decimals). */
            geometry: Record<string, unknown>;
            /** @description One row of a breakdown: its key, a name where it has one, and the figures. */
            properties: components["schemas"]["Summary"] & {
                /** @description A commune's or unit's code, or a period's first day. */
                key: string;
                name?: string;
                name_en?: string;
                /** @description Communes: the engagement index (participation only where the population is set). */
                engagement?: components["schemas"]["Engagement"];
            };
        };
        HideRequest: {
            what: components["schemas"]["What"];
            /**
             * Format: uuid
             * @description The photo, with `what: photo`.
             */
            photo_id?: string | null;
            /**
             * @description Why (at most 500 characters): abusive, personal data of a third party, a face or a plate.
             *     Required to hide; ignored to show again.
             */
            reason?: string | null;
        };
        Holiday: {
            /** Format: date */
            day: string;
            /** @description 1 to 200 characters. */
            name: string;
        };
        /** @description A list answered whole: `{"items": [...]}`. */
        Items_AlertView: {
            items: {
                /** Format: int64 */
                id: number;
                commune?: string | null;
                /** @description The commune's name. */
                commune_name?: string | null;
                /** Format: double */
                lat?: number | null;
                /** Format: double */
                lon?: number | null;
                /** Format: int32 */
                radius_m?: number | null;
                categories: string[];
                digest: components["schemas"]["Digest"];
                /** Format: date-time */
                created_at: string;
            }[];
        };
        /** @description A list answered whole: `{"items": [...]}`. */
        Items_CategoryItem: {
            items: {
                code: string;
                name: string;
                name_en: string;
                /** @description Urgent categories run on the wall clock. */
                urgent: boolean;
            }[];
        };
        /** @description A list answered whole: `{"items": [...]}`. */
        Items_Commune: {
            items: {
                /** @description The 5-digit code of the General Statistics Office. */
                code: string;
                name: string;
                full_name: string;
                name_en: string;
                full_name_en: string;
                /** @description `ward` or `commune`. */
                level: string;
                /** Format: double */
                area_km2?: number | null;
                /** Format: date */
                valid_from: string;
            }[];
        };
        /** @description A list answered whole: `{"items": [...]}`. */
        Items_NearbyReport: {
            items: (components["schemas"]["PublicReport"] & {
                /**
                 * Format: double
                 * @description Metres from the point asked about.
                 */
                distance_m: number;
            })[];
        };
        /** @description A list answered whole: `{"items": [...]}`. */
        Items_StatsRow: {
            items: (components["schemas"]["Summary"] & {
                /** @description A commune's or unit's code, or a period's first day. */
                key: string;
                name?: string;
                name_en?: string;
                /** @description Communes: the engagement index (participation only where the population is set). */
                engagement?: components["schemas"]["Engagement"];
            })[];
        };
        /** @description A list answered whole: `{"items": [...]}`. */
        Items_Template: {
            items: {
                /** Format: uuid */
                id: string;
                unit_code: string;
                title: string;
                body: string;
                /** Format: uuid */
                created_by: string;
                /** Format: date-time */
                created_at: string;
            }[];
        };
        /** @description A list answered whole: `{"items": [...]}`. */
        Items_UnitItem: {
            items: {
                code: string;
                /** @description `commune_committee`, `department` or `ioc`. */
                kind: string;
                name: string;
                name_en: string;
                /** @description A commune's People's Committee: its commune. */
                commune?: string | null;
            }[];
        };
        /**
         * @description Where a report's position came from.
         * @enum {string}
         */
        LocationSource: "device" | "photo";
        LockRequest: {
            /** @description Why (at most 500 characters): told to the account's user when they log in. */
            reason: string;
        };
        LoginRequest: {
            login: string;
            password: string;
        };
        LogoutRequest: {
            refresh_token: string;
        };
        Named: {
            code: string;
            name: string;
            name_en: string;
        };
        /** @description A report near a point ("already reported?"): the public view and how far it is. */
        NearbyReport: components["schemas"]["PublicReport"] & {
            /**
             * Format: double
             * @description Metres from the point asked about.
             */
            distance_m: number;
        };
        /** @description An alert to make: a commune (`commune`), or a point (`lat`, `lon`) with `radius_m`. */
        NewAlert: {
            /** @description A commune or ward's code (`GET /api/v1/communes`). */
            commune?: string | null;
            /** Format: double */
            lat?: number | null;
            /** Format: double */
            lon?: number | null;
            /**
             * Format: int32
             * @description 50 to 2,000 metres around the point.
             */
            radius_m?: number | null;
            /** @description Only these categories; all when absent or empty. */
            categories?: string[];
            /** @description `hourly` (default) or `daily`; reports of urgent categories go at once either way. */
            digest?: components["schemas"]["Digest"];
        };
        /** @description A page of notifications, newest first. */
        NotificationPage: {
            items: components["schemas"]["NotificationView"][];
            /**
             * Format: int64
             * @description How many of the caller's notifications are unread (all of them, not only this page's).
             */
            unread: number;
            /**
             * Format: int64
             * @description `before` for the next page; `null` on the last page.
             */
            next_before?: number | null;
        };
        /** @description One notification of the reports the reader follows: public data only. */
        NotificationView: {
            /** Format: int64 */
            id: number;
            /** @description `accepted`, `needs_information`, `resolved`, `rejected`, `duplicate` or `reopened`. */
            kind: string;
            /**
             * Format: uuid
             * @description The report it is about (none for an alert's digest: `reports`).
             */
            report_id?: string | null;
            tracking_code: string;
            /** @description The unit's words: the question, the answer, the reason. */
            text?: string | null;
            /**
             * Format: uuid
             * @description `duplicate`: the report handled instead.
             */
            original_id?: string | null;
            /** @description `resolved`: the after photo's thumbnail (absent once moderators hide it). */
            photo_url?: string | null;
            /** @description `alert`: the new reports in the area. */
            reports: components["schemas"]["AlertItem"][];
            /** @description Where it leads in the residents' app: the report's page, or the list of notices. */
            url: string;
            /** Format: date-time */
            created_at: string;
            read: boolean;
        };
        NotificationsRead: {
            /**
             * Format: int64
             * @description The newest notification read (the first `id` of the list the caller saw).
             */
            up_to: number;
        };
        /** @description What the reporter sees of their own report. */
        OwnReport: components["schemas"]["PublicReport"] & {
            mine: boolean;
            /** Format: uuid */
            idempotency_key: string;
            routing: components["schemas"]["Routing"];
        };
        Page_AuditEntry: {
            /** @description The page's items. */
            items: {
                /** Format: int64 */
                id: number;
                /** Format: date-time */
                at: string;
                /** Format: uuid */
                actor_id: string;
                /** @description The actor's role when they acted. */
                actor_role: string;
                /** @description `<object>.<verb>`, for example `user.lock` (docs/api.md lists them). */
                action: string;
                /**
                 * @description What was acted on: an account's, report's, photo's or key's id, a unit's or category's
                 *     code, a date, or `*` for a download of many.
                 */
                target: string;
                /** @description What was asked or changed (a change of an account: `before` and `after`). */
                detail: Record<string, unknown>;
            }[];
            /** @description The `cursor` of the next page; `null` on the last page. */
            next_cursor?: string | null;
        };
        Page_OwnReport: {
            /** @description The page's items. */
            items: (components["schemas"]["PublicReport"] & {
                mine: boolean;
                /** Format: uuid */
                idempotency_key: string;
                routing: components["schemas"]["Routing"];
            })[];
            /** @description The `cursor` of the next page; `null` on the last page. */
            next_cursor?: string | null;
        };
        Page_PublicReport: {
            /** @description The page's items. */
            items: {
                /** Format: uuid */
                id: string;
                /**
                 * @description `HT-` and eight characters of Crockford's base 32: what a resident reads out on the hotline.
                 * @example HT-VW8M-M8M4
                 */
                tracking_code: string;
                status: components["schemas"]["Status"];
                category: string;
                category_name: string;
                category_name_en: string;
                urgent: boolean;
                description: string;
                /** @description Moderators hid its text from the public (`description` is then empty for them). */
                text_hidden: boolean;
                address?: string | null;
                /** Format: double */
                lat: number;
                /** Format: double */
                lon: number;
                location_source: components["schemas"]["LocationSource"];
                commune: components["schemas"]["Named"];
                unit: components["schemas"]["Named"];
                photos: components["schemas"]["PhotoJson"][];
                /** @description The handling unit's public answer (the result, or the reason for a rejection). */
                public_answer?: string | null;
                /**
                 * Format: date-time
                 * @description The deadline the unit is working against now ("Hạn xử lý"): to accept, then to resolve;
                 *     `null` while it waits for the reporter and once it is handled.
                 */
                due_at?: string | null;
                /**
                 * Format: int64
                 * @description Residents who support it ("this is it"), besides its reporter.
                 */
                support_count: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /** @description The `cursor` of the next page; `null` on the last page. */
            next_cursor?: string | null;
        };
        /**
         * @description Per 1,000 of what participation is measured against.
         * @enum {string}
         */
        ParticipationBasis: "residents" | "accounts";
        PasswordChange: {
            current_password: string;
            /** @description 8 to 128 characters. */
            new_password: string;
        };
        PasswordResetConfirmation: {
            login: string;
            /** @description The six digits received. */
            code: string;
            /** @description 8 to 128 characters. */
            new_password: string;
        };
        PasswordResetRequest: {
            /** @description The email address or phone number the account logs in with. */
            login: string;
        };
        Person: {
            /** Format: uuid */
            id: string;
            full_name: string;
        };
        /** @description A photo's evidence record. */
        PhotoEvidence: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            report_id: string;
            /** @description `report` or `resolution`. */
            kind: string;
            /** Format: uuid */
            uploader_id: string;
            original_url: string;
            original_format: string;
            /** Format: int32 */
            original_bytes: number;
            original_sha256: string;
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
            exif: components["schemas"]["Exif"];
            /** Format: date-time */
            created_at: string;
        };
        /** @description One photo upload (schema only). */
        PhotoForm: {
            /** @description A JPEG, PNG or WebP file (by content), 10 MB and 50 megapixels at most. */
            photo: components["schemas"]["Binary"];
        };
        /** @description A photo as anyone may see it: only the re-encoded variants, without any metadata. */
        PhotoJson: {
            /** Format: uuid */
            id: string;
            /** @description `report` (the resident's) or `resolution` (an officer's "after" photo). */
            kind: string;
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
            display: components["schemas"]["VariantJson"];
            thumb: components["schemas"]["VariantJson"];
            /**
             * @description Moderators hid it from the public (shown to the reporter and staff only; the public never
             *     gets it, nor its variants).
             */
            hidden: boolean;
        };
        /** @description A policy as an administrator sets it. */
        PolicyInput: {
            /** @description Absent: the default for the urgency. */
            category?: string | null;
            urgent: boolean;
            clock: components["schemas"]["ClockKind"];
            /**
             * Format: int32
             * @description Positive, and at most `resolve_minutes`.
             */
            accept_minutes: number;
            /** Format: int32 */
            resolve_minutes: number;
        };
        /** @description A commune's population as an administrator set it. */
        Population: {
            commune_code: string;
            /** Format: int32 */
            population: number;
            /** Format: date */
            as_of: string;
            source?: string | null;
        };
        PopulationRequest: {
            /** Format: int32 */
            population: number;
            /** Format: date */
            as_of: string;
            /** @description Where the figure comes from; at most 500 characters. */
            source?: string | null;
        };
        /** @description What reaches an account by push and by email. The list in the app always has everything. */
        Preferences: {
            push: components["schemas"]["ChannelChoice"];
            email: components["schemas"]["ChannelChoice"];
        };
        /** @description What anyone may see of a report. */
        PublicReport: {
            /** Format: uuid */
            id: string;
            /**
             * @description `HT-` and eight characters of Crockford's base 32: what a resident reads out on the hotline.
             * @example HT-VW8M-M8M4
             */
            tracking_code: string;
            status: components["schemas"]["Status"];
            category: string;
            category_name: string;
            category_name_en: string;
            urgent: boolean;
            description: string;
            /** @description Moderators hid its text from the public (`description` is then empty for them). */
            text_hidden: boolean;
            address?: string | null;
            /** Format: double */
            lat: number;
            /** Format: double */
            lon: number;
            location_source: components["schemas"]["LocationSource"];
            commune: components["schemas"]["Named"];
            unit: components["schemas"]["Named"];
            photos: components["schemas"]["PhotoJson"][];
            /** @description The handling unit's public answer (the result, or the reason for a rejection). */
            public_answer?: string | null;
            /**
             * Format: date-time
             * @description The deadline the unit is working against now ("Hạn xử lý"): to accept, then to resolve;
             *     `null` while it waits for the reporter and once it is handled.
             */
            due_at?: string | null;
            /**
             * Format: int64
             * @description Residents who support it ("this is it"), besides its reporter.
             */
            support_count: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PushKey: {
            /**
             * @description The P-256 public key, uncompressed, base64url: `applicationServerKey` of
             *     `pushManager.subscribe`.
             */
            public_key: string;
        };
        /**
         * @description A browser's `PushSubscription` as `toJSON()` gives it (`expirationTime` is accepted and
         *     ignored).
         */
        PushSubscription: {
            /** @description The push service's URL for this browser. */
            endpoint: string;
            keys: components["schemas"]["PushSubscriptionKeys"];
            /** Format: double */
            expirationTime?: number | null;
        };
        PushSubscriptionKeys: {
            /** @description The browser's P-256 public key (65 bytes), base64url. */
            p256dh: string;
            /** @description Its 16-byte authentication secret, base64url. */
            auth: string;
        };
        PushUnsubscription: {
            endpoint: string;
        };
        Rating: {
            /** Format: int32 */
            score: number;
            comment?: string | null;
            /** @description `closed`, or `reopened` when the score was 2 or less. */
            status: components["schemas"]["Status"];
        };
        RatingJson: {
            /** Format: int32 */
            score: number;
            comment?: string | null;
            /** Format: date-time */
            created_at: string;
        };
        RatingRequest: {
            /**
             * Format: int32
             * @description 1 to 5.
             */
            score: number;
            /** @description At most 4000 characters. */
            comment?: string | null;
        };
        RefreshRequest: {
            refresh_token: string;
        };
        RegisterRequest: {
            /**
             * @description An email address or a Vietnamese mobile number (`0905123456`, `+84905123456`...).
             * @example 0905 123 456
             */
            login: string;
            /** @description 8 to 128 characters. */
            password: string;
            /** @description Not empty, at most 100 characters. */
            full_name: string;
            /** @description `vi` (default) or `en`; anything else counts as `vi`. */
            locale?: string | null;
        };
        /**
         * @description One report as `GET /reports/{id}` answers it: the public view, what only its reporter sees
         *     (`mine`, `idempotency_key`, `routing`: absent for anyone else), and the public timeline.
         */
        ReportDetail: components["schemas"]["PublicReport"] & {
            /** @description Present (and `true`) for the reporter only. */
            mine?: boolean;
            /**
             * Format: uuid
             * @description The reporter only.
             */
            idempotency_key?: string;
            /** @description The reporter only. */
            routing?: components["schemas"]["Routing"];
            timeline: components["schemas"]["TimelineEntry"][];
        };
        /** @description The `multipart/form-data` form of a report (schema only; `multipart.rs` reads it). */
        ReportForm: {
            /** @description The report's JSON, as the `application/json` body. */
            report: components["schemas"]["ReportSubmission"];
            /** @description Up to five JPEG, PNG or WebP files (by content), 10 MB and 50 megapixels each at most. */
            photo: components["schemas"]["Binary"][];
        };
        /** @description What the phone sends, before validation. */
        ReportSubmission: {
            /**
             * @description A code from `GET /api/v1/categories`.
             * @example flooding
             */
            category: string;
            /** @description 1 to 4000 characters after Unicode NFC normalisation; control characters are removed. */
            description: string;
            /**
             * Format: double
             * @description WGS84 latitude. May be omitted (with `lon`) when a photo with a GPS position comes with
             *     the report.
             * @example 16.4698
             */
            lat?: number | null;
            /**
             * Format: double
             * @description WGS84 longitude.
             * @example 107.5786
             */
            lon?: number | null;
            /** @description At most 500 characters. */
            address?: string | null;
            location_source?: null | components["schemas"]["LocationSource"];
            channel?: null | components["schemas"]["ClientChannel"];
            caller?: null | components["schemas"]["Caller"];
        };
        /** @description The reporter, for those who may know who it is. */
        Reporter: {
            /** Format: uuid */
            id: string;
            full_name: string;
            /** @description Email address or phone number. */
            login: string;
        };
        /** @enum {string} */
        Role: "resident" | "officer" | "unit_manager" | "ioc_operator" | "admin";
        /** @description How the report was routed, shown to its reporter (and later to staff). */
        Routing: {
            commune_reason: string;
            /** Format: double */
            distance_m: number;
            unit_reason: string;
            /** Format: int64 */
            rule_id?: number | null;
        };
        Rule: {
            /** Format: int64 */
            id: number;
            category_code: string;
            commune_code?: string | null;
            target_kind: string;
            target_unit?: string | null;
            /** Format: date-time */
            valid_from: string;
            /** Format: date-time */
            valid_to?: string | null;
            note?: string | null;
        };
        RuleEnd: {
            /**
             * Format: date-time
             * @description Default: now.
             */
            valid_to?: string | null;
        };
        RuleInput: {
            category: string;
            /** @description Absent: city-wide. */
            commune?: string | null;
            /** @description `unit` (send to `target_unit`) or `commune_committee` (the report's own commune). */
            target_kind: string;
            target_unit?: string | null;
            /**
             * Format: date-time
             * @description Default: now.
             */
            valid_from?: string | null;
            note?: string | null;
        };
        SlaPolicy: {
            /** Format: int64 */
            id: number;
            category_code?: string | null;
            urgent: boolean;
            clock: components["schemas"]["ClockKind"];
            /** Format: int32 */
            accept_minutes: number;
            /** Format: int32 */
            resolve_minutes: number;
        };
        /** @description An account, as administrators see it. */
        StaffAccount: {
            /** Format: uuid */
            id: string;
            login: string;
            full_name: string;
            role: components["schemas"]["Role"];
            unit?: string | null;
            locale: string;
            disabled: boolean;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When staff locked it for abuse, and why (what its user is told at login).
             */
            locked_at?: string | null;
            lock_reason?: string | null;
        };
        StaffAccountChange: {
            role?: null | components["schemas"]["Role"];
            unit?: string | null;
            /**
             * @description `true` disables the account at once (its tokens stop working on their next request and
             *     its sessions are revoked); `false` enables it again.
             */
            disabled?: boolean | null;
        };
        StaffAccountRequest: {
            /** @description A user name, an email address or a mobile number. */
            login: string;
            full_name: string;
            /** @description 8 to 128 characters. */
            password: string;
            /** @description `officer`, `unit_manager`, `ioc_operator` or `admin`. */
            role: components["schemas"]["Role"];
            /** @description The unit of an officer or unit manager (and of no other role). */
            unit?: string | null;
        };
        /** @description One row of a breakdown: its key, a name where it has one, and the figures. */
        StatsRow: components["schemas"]["Summary"] & {
            /** @description A commune's or unit's code, or a period's first day. */
            key: string;
            name?: string;
            name_en?: string;
            /** @description Communes: the engagement index (participation only where the population is set). */
            engagement?: components["schemas"]["Engagement"];
        };
        /** @description The headline figures of a period (docs/metrics.md) and the engagement index. */
        StatsSummary: components["schemas"]["Summary"] & {
            engagement: components["schemas"]["Engagement"];
        };
        /**
         * @description The lifecycle states of a report/ticket. The transitions belong to the ticket workflow; intake
         *     creates reports in `Received`.
         * @enum {string}
         */
        Status: "received" | "accepted" | "in_progress" | "waiting_for_citizen" | "transferred" | "resolved" | "closed" | "rejected" | "duplicate" | "reopened";
        Summary: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /**
             * Format: int64
             * @description Reports received in the period.
             */
            received: number;
            /**
             * Format: int64
             * @description Tickets finally resolved in the period.
             */
            resolved: number;
            /**
             * Format: int64
             * @description Of those, the ones whose after photos all lack a position (taken, but flagged to
             *     managers: a photo forwarded through a chat app loses its EXIF).
             */
            resolved_unlocated: number;
            /**
             * Format: int64
             * @description Tickets open now (not resolved, closed, rejected or a duplicate).
             */
            open_backlog: number;
            /**
             * Format: int64
             * @description Open tickets past their running deadline now.
             */
            overdue_now: number;
            time_to_accept: components["schemas"]["Durations"];
            time_to_resolve: components["schemas"]["Durations"];
            /** Format: double */
            on_time_rate?: number | null;
            /** Format: double */
            resolution_rate?: number | null;
            /** Format: double */
            transfer_rate?: number | null;
            /** Format: int64 */
            hops: number;
            /** Format: double */
            reopen_rate?: number | null;
            /** Format: int64 */
            ratings: number;
            /** Format: double */
            mean_rating?: number | null;
            /** Format: double */
            share_ratings_4_or_more?: number | null;
            /**
             * Format: int64
             * @description Distinct residents who reported, or supported a report, in the period (the engagement
             *     index's participants).
             */
            reporters: number;
        };
        /** @description The caller's support of a report, and how many residents support it. */
        Support: {
            supported: boolean;
            /** Format: int64 */
            support_count: number;
        };
        Template: {
            /** Format: uuid */
            id: string;
            unit_code: string;
            title: string;
            body: string;
            /** Format: uuid */
            created_by: string;
            /** Format: date-time */
            created_at: string;
        };
        TemplateRequest: {
            /** @description Default: the caller's unit (administrators must name one). */
            unit?: string | null;
            /** @description At most 200 characters. */
            title: string;
            /** @description At most 4000 characters. */
            body: string;
        };
        /** @description One ticket in full, as `actor` may see it. */
        TicketDetailJson: components["schemas"]["TicketJson"] & {
            assignee?: null | components["schemas"]["Person"];
            events: components["schemas"]["EventJson"][];
            rating?: null | components["schemas"]["RatingJson"];
            /** @description The actions this caller may take now (for the web app's buttons). */
            allowed_actions: components["schemas"]["Action"][];
            /** @description The form of each allowed action: the fields it requires and those it takes besides. */
            action_forms: {
                [key: string]: components["schemas"]["ActionForm"];
            };
            /**
             * @description Answers to the category's extra questions, by question code (reports posted through
             *     Open311; see `GET /open311/v2/services/{code}.json`).
             */
            answers: {
                [key: string]: components["schemas"]["Answer"];
            };
            contact?: null | components["schemas"]["Contact"];
            /** @description How the report came in: `app`, `web`, `open311` or `hotline`. */
            channel: components["schemas"]["Channel"];
            /**
             * @description Who called the hotline about it (its name and phone), for those who may know who reported
             *     (IOC operators and administrators).
             */
            caller?: components["schemas"]["Caller"];
        };
        /** @description One ticket in a staff list. */
        TicketJson: components["schemas"]["PublicReport"] & {
            /** @description `accept`, `resolve`, `paused` or `done`: which deadline is running. */
            stage: string;
            /** @description Whether the deadline now running (the report's `due_at`) has passed. */
            overdue: boolean;
            /** Format: date-time */
            accept_due_at?: string | null;
            /** Format: date-time */
            resolve_due_at?: string | null;
            sla_clock: components["schemas"]["ClockKind"];
            /**
             * Format: int32
             * @description 0 none, 1 warned (75 %), 2 escalated to the unit manager (100 %), 3 to the IOC (150 %).
             */
            escalation_level: number;
            /** Format: int32 */
            hops: number;
            /** Format: uuid */
            assignee_id?: string | null;
            /** Format: uuid */
            duplicate_of?: string | null;
            /**
             * @description Whether an "after" photo shows where it was taken (its EXIF position, checked to be
             *     within 200 m of the report): `false` when every after photo lacks one (a photo forwarded
             *     through a chat app loses it), which managers are shown; `null` without after photos.
             */
            after_photo_located?: boolean | null;
            /** @description IOC operators and administrators only (in a ticket's detail). */
            reporter?: components["schemas"]["Reporter"];
        };
        /** @description A page of the inbox. */
        TicketPage: {
            items: components["schemas"]["TicketJson"][];
            next_cursor?: string | null;
            /** @description How many tickets of each status match the filters other than `status`. */
            counts: {
                [key: string]: number;
            };
        };
        /** @description An entry of a report's public timeline: no actor, no internal note. */
        TimelineEntry: {
            /** @description `received`, or the action that made the entry (`accept`, `resolve`, `comment`...). */
            kind: string;
            status?: null | components["schemas"]["Status"];
            unit?: string | null;
            public_answer?: string | null;
            /** Format: date-time */
            at: string;
        };
        /** @description The answer to a successful login or refresh. */
        TokenResponse: {
            /** @description Sent as `Authorization: Bearer <access_token>`. */
            access_token: string;
            /** @description Works once: trade it for a new pair at `POST /auth/refresh`; keep only the newest. */
            refresh_token: string;
            token_type: string;
            /**
             * Format: int64
             * @description Lifetime of the access token, seconds.
             */
            expires_in: number;
            user: components["schemas"]["UserSummary"];
        };
        /**
         * @description A field of a transition besides its action.
         * @enum {string}
         */
        TransitionField: "note" | "public_answer" | "to_unit" | "duplicate_of" | "assignee";
        /** @description A transition as staff send it. */
        TransitionRequest: {
            action: components["schemas"]["Action"];
            /** @description Internal note (a reason, a remark), seen by staff only; at most 4000 characters. */
            note?: string | null;
            /** @description What the reporter and the public see; at most 4000 characters. */
            public_answer?: string | null;
            /** @description `transfer`: the unit to send it to. */
            to_unit?: string | null;
            /** Format: uuid */
            duplicate_of?: string | null;
            /** Format: uuid */
            assignee?: string | null;
        };
        Unit: {
            code: string;
            kind: string;
            name_vi: string;
            name_en: string;
            email: string;
            commune_code?: string | null;
            active: boolean;
        };
        UnitInput: {
            /** @description `commune_committee`, `department` or `ioc`. */
            kind: string;
            name_vi: string;
            name_en: string;
            /**
             * Format: email
             * @description The unit's mailbox (escalations and notices).
             */
            email: string;
            commune_code?: string | null;
            active?: boolean;
        };
        /** @description A handling unit, without its mailbox. */
        UnitItem: {
            code: string;
            /** @description `commune_committee`, `department` or `ioc`. */
            kind: string;
            name: string;
            name_en: string;
            /** @description A commune's People's Committee: its commune. */
            commune?: string | null;
        };
        /** @description The unread count after marking. */
        Unread: {
            /** Format: int64 */
            unread: number;
        };
        /** @description An account as its owner sees it. */
        UserSummary: {
            /** Format: uuid */
            id: string;
            /** @description The normalised login: an email address, or a mobile number as `+84...`. */
            login: string;
            full_name: string;
            role: components["schemas"]["Role"];
            /** @description The handling unit of an officer or unit manager. */
            unit?: string | null;
            /** @description `vi` or `en`. */
            locale: string;
            /**
             * @description Whether the account is verified. A resident who registered reports (and supports
             *     reports) once they entered the code sent to their login (`POST /me/verification/confirm`);
             *     until then `403 verification_required`.
             */
            verified: boolean;
        };
        VariantJson: {
            url: string;
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
        };
        VerificationConfirmation: {
            /** @description The six digits received. */
            code: string;
        };
        /**
         * @description What to hide (or show again).
         * @enum {string}
         */
        What: "text" | "photo";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description The account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSummary"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /** @description - `login_taken`: This login is already registered. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "login_taken";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `invalid_login`: The login must be an email address or a Vietnamese mobile number.
             *     - `weak_password`: The password must be 8 to 128 characters long.
             *     - `invalid_full_name`: The full name must not be empty and at most 100 characters.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_login" | "weak_password" | "invalid_full_name";
                    };
                };
            };
            /** @description - `rate_limited`: Too many requests; try again later. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "rate_limited";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /** @description - `invalid_credentials`: Wrong login or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_credentials";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `account_locked`: Account temporarily locked after repeated failed logins; try again later.
             *     - `rate_limited`: Too many requests; try again later.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_locked" | "rate_limited";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description The new pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `invalid_refresh_token`: The refresh token is invalid or expired.
             *     - `refresh_token_reused`: The refresh token was already used; the session was revoked for safety.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_refresh_token" | "refresh_token_reused";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"];
            };
        };
        responses: {
            /** @description The session is revoked (or never existed) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    request_password_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Sent, if an account has the login */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `rate_limited`: Too many requests; try again later. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "rate_limited";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    confirm_password_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmation"];
            };
        };
        responses: {
            /** @description The password is set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `weak_password`: The password must be 8 to 128 characters long.
             *     - `invalid_reset_code`: The reset code is wrong, used or expired; ask for a new one.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "weak_password" | "invalid_reset_code";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    change_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description A new session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             *     - `invalid_credentials`: Wrong login or password.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired" | "invalid_credentials";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `weak_password`: The password must be 8 to 128 characters long. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "weak_password";
                    };
                };
            };
            /**
             * @description - `account_locked`: Account temporarily locked after repeated failed logins; try again later.
             *     - `rate_limited`: Too many requests; try again later.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_locked" | "rate_limited";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    request_verification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new code is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `already_verified`: This account is already verified. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "already_verified";
                    };
                };
            };
            /** @description - `rate_limited`: Too many requests; try again later. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "rate_limited";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    confirm_verification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerificationConfirmation"];
            };
        };
        responses: {
            /** @description The verified account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSummary"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_verification_code`: The verification code is wrong, used or expired; ask for a new one. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_verification_code";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    end_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session has ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    delete_account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountDeletion"];
            };
        };
        responses: {
            /** @description The account is erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             *     - `invalid_credentials`: Wrong login or password.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired" | "invalid_credentials";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `account_locked`: Account temporarily locked after repeated failed logins; try again later.
             *     - `rate_limited`: Too many requests; try again later.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_locked" | "rate_limited";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    my_notifications: {
        parameters: {
            query?: {
                /** @description The `next_before` of the previous page. */
                before?: number;
                /** @description 1 to 200; 50 by default. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    read_notifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationsRead"];
            };
        };
        responses: {
            /** @description The unread count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unread"];
                };
            };
            /**
             * @description - `invalid_json`: The request body is not valid JSON for this endpoint.
             *     - `invalid_query`: Invalid query parameters.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json" | "invalid_query";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    my_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's choice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    set_my_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Preferences"];
            };
        };
        responses: {
            /** @description The caller's choice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    push_key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushKey"];
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    subscribe_push: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscription"];
            };
        };
        responses: {
            /** @description Already subscribed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Subscribed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_push_subscription`: The push subscription is invalid: its endpoint is not on an accepted push service, or its keys are malformed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_push_subscription";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    unsubscribe_push: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushUnsubscription"];
            };
        };
        responses: {
            /** @description Not subscribed (any more) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    my_alerts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alerts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_AlertView"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_alert: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAlert"];
            };
        };
        responses: {
            /** @description The alert */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `too_many_alerts`: An account may keep at most 20 alerts; delete some first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_alerts";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_alert`: The alert's area is invalid: a commune or ward, or a point with a radius of 50 to 2,000 m. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_alert";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    delete_alert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The alert's id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    unsubscribe_email_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account's unsubscribe token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    unsubscribe_email: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account's unsubscribe token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No more email about reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_CategoryItem"];
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_communes: {
        parameters: {
            query?: {
                /** @description `json` (the default) or `geojson`. */
                format?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The communes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_Commune"];
                    "application/geo+json": components["schemas"]["FeatureCollection_Commune"];
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The units */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_UnitItem"];
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_reports: {
        parameters: {
            query?: {
                /**
                 * @description `minLon,minLat,maxLon,maxLat` (WGS84 degrees).
                 * @example 107.5,16.4,107.7,16.5
                 */
                bbox?: string;
                /** @description A category code. */
                category?: string;
                /** @description One status. */
                status?: components["schemas"]["Status"];
                /** @description A 5-digit commune code. */
                commune?: string;
                /** @description The page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description Words the report's description, address or public answer must have (diacritics, case
                 *     and a small typo do not matter: "ngap nuoc" finds "ngập nước"), or its tracking code:
                 *     the page is then the best matches, ranked, without a next page. The public list does not
                 *     search a text moderators hid. 200 characters at most.
                 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_PublicReport"];
                };
            };
            /**
             * @description - `invalid_query`: Invalid query parameters.
             *     - `invalid_bbox`: bbox must be minLon,minLat,maxLon,maxLat with valid coordinates.
             *     - `invalid_cursor`: The pagination cursor is invalid.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query" | "invalid_bbox" | "invalid_cursor";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_report: {
        parameters: {
            query?: never;
            header: {
                /** @description A UUID the app generates once per report and sends with every attempt */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportSubmission"];
                "multipart/form-data": components["schemas"]["ReportForm"];
            };
        };
        responses: {
            /** @description The report, as its reporter sees it */
            201: {
                headers: {
                    /** @description `true` when this answers a retry */
                    "Idempotent-Replayed"?: boolean;
                    /** @description `/api/v1/reports/{id}` */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnReport"];
                };
            };
            /**
             * @description - `invalid_json`: The request body is not valid JSON for this endpoint.
             *     - `idempotency_key_required`: Missing Idempotency-Key header (a UUID the app generates once per report).
             *     - `invalid_idempotency_key`: Idempotency-Key must be a UUID.
             *     - `invalid_multipart`: Invalid multipart body: expected a `report` part (JSON) and `photo` parts.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json" | "idempotency_key_required" | "invalid_idempotency_key" | "invalid_multipart";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             *     - `verification_required`: Verify your account with the code sent to your email or phone before sending reports.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden" | "verification_required";
                    };
                };
            };
            /** @description - `upload_too_slow`: The upload arrived too slowly and was cut off; send it again on a better connection. */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "upload_too_slow";
                    };
                };
            };
            /** @description - `idempotency_conflict`: This Idempotency-Key was already used for a different report. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "idempotency_conflict";
                    };
                };
            };
            /**
             * @description - `payload_too_large`: The request body is too large.
             *     - `photo_too_large`: The photo is over the size limit per photo.
             */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large" | "photo_too_large";
                    };
                };
            };
            /**
             * @description - `unsupported_media_type`: Unsupported content type; send application/json.
             *     - `unsupported_image_format`: Unsupported image format; only JPEG, PNG and WebP are accepted.
             */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type" | "unsupported_image_format";
                    };
                };
            };
            /**
             * @description - `too_many_photos`: Too many photos for one report.
             *     - `photo_empty`: The photo file is empty.
             *     - `photo_too_many_pixels`: The photo is over the megapixel limit.
             *     - `photo_corrupt`: The photo file is damaged or incomplete.
             *     - `photo_metadata_corrupt`: The photo's EXIF metadata is damaged.
             *     - `unknown_category`: Unknown report category.
             *     - `invalid_coordinates`: Invalid coordinates: latitude in [-90, 90], longitude in [-180, 180].
             *     - `description_empty`: The description must not be empty.
             *     - `description_too_long`: The description may be at most 4000 characters.
             *     - `address_too_long`: The address may be at most 500 characters.
             *     - `outside_service_area`: The location is outside the city of Huế.
             *     - `location_required`: A location is required: send lat/lon or a photo with a GPS position.
             *     - `caller_required`: A report taken on the hotline needs the caller's name and phone number.
             *     - `invalid_caller`: The caller's name must be 1 to 100 characters and the phone a valid Vietnamese number.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_photos" | "photo_empty" | "photo_too_many_pixels" | "photo_corrupt" | "photo_metadata_corrupt" | "unknown_category" | "invalid_coordinates" | "description_empty" | "description_too_long" | "address_too_long" | "outside_service_area" | "location_required" | "caller_required" | "invalid_caller";
                    };
                };
            };
            /**
             * @description - `too_many_uploads`: Too many uploads at once from you; wait for the previous ones to finish.
             *     - `rate_limited`: Too many requests; try again later.
             */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_uploads" | "rate_limited";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /**
             * @description - `media_busy`: Too many photos are being processed; retry in a few seconds.
             *     - `service_unavailable`: The service is temporarily unavailable; try again shortly.
             */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "media_busy" | "service_unavailable";
                    };
                };
            };
        };
    };
    add_report_photo: {
        parameters: {
            query?: never;
            header: {
                /** @description A UUID per photo */
                "Idempotency-Key": string;
            };
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PhotoForm"];
            };
        };
        responses: {
            /** @description The photo */
            201: {
                headers: {
                    /** @description `true` when this answers a retry */
                    "Idempotent-Replayed"?: boolean;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoJson"];
                };
            };
            /**
             * @description - `idempotency_key_required`: Missing Idempotency-Key header (a UUID the app generates once per report).
             *     - `invalid_idempotency_key`: Idempotency-Key must be a UUID.
             *     - `invalid_multipart`: Invalid multipart body: expected a `report` part (JSON) and `photo` parts.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "idempotency_key_required" | "invalid_idempotency_key" | "invalid_multipart";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `upload_too_slow`: The upload arrived too slowly and was cut off; send it again on a better connection. */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "upload_too_slow";
                    };
                };
            };
            /**
             * @description - `idempotency_conflict`: This Idempotency-Key was already used for a different report.
             *     - `report_closed`: The report is finished; it can no longer take photos or supports.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "idempotency_conflict" | "report_closed";
                    };
                };
            };
            /** @description - `photo_too_large`: The photo is over the size limit per photo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "photo_too_large";
                    };
                };
            };
            /** @description - `unsupported_image_format`: Unsupported image format; only JPEG, PNG and WebP are accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_image_format";
                    };
                };
            };
            /**
             * @description - `too_many_photos`: Too many photos for one report.
             *     - `photo_empty`: The photo file is empty.
             *     - `photo_too_many_pixels`: The photo is over the megapixel limit.
             *     - `photo_corrupt`: The photo file is damaged or incomplete.
             *     - `photo_metadata_corrupt`: The photo's EXIF metadata is damaged.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_photos" | "photo_empty" | "photo_too_many_pixels" | "photo_corrupt" | "photo_metadata_corrupt";
                    };
                };
            };
            /** @description - `too_many_uploads`: Too many uploads at once from you; wait for the previous ones to finish. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_uploads";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /**
             * @description - `media_busy`: Too many photos are being processed; retry in a few seconds.
             *     - `service_unavailable`: The service is temporarily unavailable; try again shortly.
             */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "media_busy" | "service_unavailable";
                    };
                };
            };
        };
    };
    get_photo_evidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The photo's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoEvidence"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    get_photo_original: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The photo's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The original file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["Binary"];
                    "image/png": components["schemas"]["Binary"];
                    "image/webp": components["schemas"]["Binary"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    nearby_reports: {
        parameters: {
            query: {
                /**
                 * @description Latitude of the point (WGS 84).
                 * @example 16.4698
                 */
                lat: number;
                /**
                 * @description Longitude of the point.
                 * @example 107.5786
                 */
                lon: number;
                /**
                 * @description The category of the report about to be filed.
                 * @example flooding
                 */
                category?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reports, nearest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_NearbyReport"];
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `invalid_coordinates`: Invalid coordinates: latitude in [-90, 90], longitude in [-180, 180].
             *     - `unknown_category`: Unknown report category.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_coordinates" | "unknown_category";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    get_report_by_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tracking code
                 * @example HT-VW8M-M8M4
                 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDetail"];
                };
            };
            /**
             * @description - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    get_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDetail"];
                };
            };
            /**
             * @description - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    my_reports: {
        parameters: {
            query?: {
                /**
                 * @description `minLon,minLat,maxLon,maxLat` (WGS84 degrees).
                 * @example 107.5,16.4,107.7,16.5
                 */
                bbox?: string;
                /** @description A category code. */
                category?: string;
                /** @description One status. */
                status?: components["schemas"]["Status"];
                /** @description A 5-digit commune code. */
                commune?: string;
                /** @description The page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description Words the report's description, address or public answer must have (diacritics, case
                 *     and a small typo do not matter: "ngap nuoc" finds "ngập nước"), or its tracking code:
                 *     the page is then the best matches, ranked, without a next page. The public list does not
                 *     search a text moderators hid. 200 characters at most.
                 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the caller's reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_OwnReport"];
                };
            };
            /**
             * @description - `invalid_query`: Invalid query parameters.
             *     - `invalid_bbox`: bbox must be minLon,minLat,maxLon,maxLat with valid coordinates.
             *     - `invalid_cursor`: The pagination cursor is invalid.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query" | "invalid_bbox" | "invalid_cursor";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    rate_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingRequest"];
            };
        };
        responses: {
            /** @description The rating and the report's new status */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rating"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /**
             * @description - `rating_not_allowed`: A report can be rated only once it has been resolved.
             *     - `already_rated`: This report has already been rated.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "rating_not_allowed" | "already_rated";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `text_too_long`: Notes, answers and comments may be at most 4000 characters.
             *     - `invalid_score`: The score must be from 1 to 5.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "text_too_long" | "invalid_score";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    get_support: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's support */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Support"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    support_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Supported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Support"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             *     - `verification_required`: Verify your account with the code sent to your email or phone before sending reports.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden" | "verification_required";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /**
             * @description - `own_report`: This is your own report; there is no need to support it.
             *     - `report_closed`: The report is finished; it can no longer take photos or supports.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "own_report" | "report_closed";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    withdraw_support: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not supported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Support"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `own_report`: This is your own report; there is no need to support it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "own_report";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    stats_summary: {
        parameters: {
            query?: {
                /** @description First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`. */
                from?: string;
                /** @description Last day, inclusive; default: today. At most 3 years after `from`. */
                to?: string;
                /** @description A 5-digit commune code (IOC operators and administrators). */
                commune?: string;
                /** @description A handling unit's code: the tickets it has now (IOC operators and administrators). */
                unit?: string;
                /** @description A category code. */
                category?: string;
                /** @description How reports came in: `app`, `web`, `open311` or `hotline`. */
                channel?: string;
                /** @description `json` (default) or `csv` (a download: a header line and one line of figures). */
                format?: "json" | "csv" | "geojson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsSummary"];
                    "text/csv": string;
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             *     - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_token" | "token_expired" | "missing_token";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    stats_communes: {
        parameters: {
            query?: {
                /** @description First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`. */
                from?: string;
                /** @description Last day, inclusive; default: today. At most 3 years after `from`. */
                to?: string;
                /** @description A 5-digit commune code (IOC operators and administrators). */
                commune?: string;
                /** @description A handling unit's code: the tickets it has now (IOC operators and administrators). */
                unit?: string;
                /** @description A category code. */
                category?: string;
                /** @description How reports came in: `app`, `web`, `open311` or `hotline`. */
                channel?: string;
                /** @description `json` (default), `csv` (a download) or, for communes only, `geojson`. */
                format?: "json" | "csv" | "geojson";
                /** @description Time series only: `day`, `week` (default) or `month`. */
                interval?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_StatsRow"];
                    "text/csv": string;
                    "application/geo+json": components["schemas"]["FeatureCollection_StatsRow"];
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             *     - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_token" | "token_expired" | "missing_token";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    stats_units: {
        parameters: {
            query?: {
                /** @description First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`. */
                from?: string;
                /** @description Last day, inclusive; default: today. At most 3 years after `from`. */
                to?: string;
                /** @description A 5-digit commune code (IOC operators and administrators). */
                commune?: string;
                /** @description A handling unit's code: the tickets it has now (IOC operators and administrators). */
                unit?: string;
                /** @description A category code. */
                category?: string;
                /** @description How reports came in: `app`, `web`, `open311` or `hotline`. */
                channel?: string;
                /** @description `json` (default), `csv` (a download) or, for communes only, `geojson`. */
                format?: "json" | "csv" | "geojson";
                /** @description Time series only: `day`, `week` (default) or `month`. */
                interval?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_StatsRow"];
                    "text/csv": string;
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             *     - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_token" | "token_expired" | "missing_token";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    stats_timeseries: {
        parameters: {
            query?: {
                /** @description First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`. */
                from?: string;
                /** @description Last day, inclusive; default: today. At most 3 years after `from`. */
                to?: string;
                /** @description A 5-digit commune code (IOC operators and administrators). */
                commune?: string;
                /** @description A handling unit's code: the tickets it has now (IOC operators and administrators). */
                unit?: string;
                /** @description A category code. */
                category?: string;
                /** @description How reports came in: `app`, `web`, `open311` or `hotline`. */
                channel?: string;
                /** @description `json` (default), `csv` (a download) or, for communes only, `geojson`. */
                format?: "json" | "csv" | "geojson";
                /** @description Time series only: `day`, `week` (default) or `month`. */
                interval?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_StatsRow"];
                    "text/csv": string;
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             *     - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_token" | "token_expired" | "missing_token";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    stats_channels: {
        parameters: {
            query?: {
                /** @description First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`. */
                from?: string;
                /** @description Last day, inclusive; default: today. At most 3 years after `from`. */
                to?: string;
                /** @description A 5-digit commune code (IOC operators and administrators). */
                commune?: string;
                /** @description A handling unit's code: the tickets it has now (IOC operators and administrators). */
                unit?: string;
                /** @description A category code. */
                category?: string;
                /** @description How reports came in: `app`, `web`, `open311` or `hotline`. */
                channel?: string;
                /** @description `json` (default), `csv` (a download) or, for communes only, `geojson`. */
                format?: "json" | "csv" | "geojson";
                /** @description Time series only: `day`, `week` (default) or `month`. */
                interval?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_StatsRow"];
                    "text/csv": string;
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             *     - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_token" | "token_expired" | "missing_token";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    events: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description - `too_many_streams`: Too many event streams are open; close some and try again. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_streams";
                    };
                };
            };
        };
    };
    list_tickets: {
        parameters: {
            query?: {
                /**
                 * @description One status or several, comma-separated.
                 * @example received,accepted
                 */
                status?: string;
                /** @description A category code. */
                category?: string;
                /** @description A 5-digit commune code. */
                commune?: string;
                /** @description IOC and administrators: one unit's tickets. */
                unit?: string;
                /** @description `true`: only tickets past their running deadline; `false`: only those not past it. */
                overdue?: boolean;
                /** @description Only tickets whose running deadline is before this instant (RFC 3339). */
                due_before?: string;
                /** @description `me` or a user id. */
                assignee?: string;
                /** @description The page size, 1 to 200 (default 50); ignored by the export. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; ignored by the export. */
                cursor?: string;
                /**
                 * @description Words the ticket's description, address or public answer must have (diacritics, case
                 *     and a small typo do not matter), or its tracking code: the page is then the best
                 *     matches, ranked, without a next page. 200 characters at most.
                 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tickets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            /**
             * @description - `invalid_query`: Invalid query parameters.
             *     - `invalid_cursor`: The pagination cursor is invalid.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query" | "invalid_cursor";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    export_tickets: {
        parameters: {
            query?: {
                /**
                 * @description One status or several, comma-separated.
                 * @example received,accepted
                 */
                status?: string;
                /** @description A category code. */
                category?: string;
                /** @description A 5-digit commune code. */
                commune?: string;
                /** @description IOC and administrators: one unit's tickets. */
                unit?: string;
                /** @description `true`: only tickets past their running deadline; `false`: only those not past it. */
                overdue?: boolean;
                /** @description Only tickets whose running deadline is before this instant (RFC 3339). */
                due_before?: string;
                /** @description `me` or a user id. */
                assignee?: string;
                /** @description The page size, 1 to 200 (default 50); ignored by the export. */
                limit?: number;
                /** @description The `next_cursor` of the previous page; ignored by the export. */
                cursor?: string;
                /**
                 * @description Words the ticket's description, address or public answer must have (diacritics, case
                 *     and a small typo do not matter), or its tracking code: the page is then the best
                 *     matches, ranked, without a next page. 200 characters at most.
                 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /**
             * @description - `invalid_query`: Invalid query parameters.
             *     - `invalid_cursor`: The pagination cursor is invalid.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query" | "invalid_cursor";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    get_ticket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket's (report's) id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailJson"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    transition_ticket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket's (report's) id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionRequest"];
            };
        };
        responses: {
            /** @description The ticket as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailJson"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `transition_not_allowed`: This action is not possible in the ticket's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "transition_not_allowed";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `unknown_action`: Unknown action.
             *     - `note_required`: This action needs a note (the reason).
             *     - `public_answer_required`: This action needs a public answer to the reporter.
             *     - `text_too_long`: Notes, answers and comments may be at most 4000 characters.
             *     - `unknown_unit`: The handling unit does not exist or is inactive.
             *     - `same_unit`: The ticket already belongs to this unit.
             *     - `invalid_duplicate`: Invalid original: it must be another report that is not itself a duplicate.
             *     - `invalid_assignee`: The assignee must be an active officer of the handling unit.
             *     - `resolution_photo_required`: At least one after photo is needed before resolving.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unknown_action" | "note_required" | "public_answer_required" | "text_too_long" | "unknown_unit" | "same_unit" | "invalid_duplicate" | "invalid_assignee" | "resolution_photo_required";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    add_ticket_photo: {
        parameters: {
            query?: never;
            header: {
                /** @description A UUID per photo */
                "Idempotency-Key": string;
            };
            path: {
                /** @description The ticket's (report's) id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PhotoForm"];
            };
        };
        responses: {
            /** @description The photo */
            201: {
                headers: {
                    /** @description `true` when this answers a retry */
                    "Idempotent-Replayed"?: boolean;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoJson"];
                };
            };
            /**
             * @description - `idempotency_key_required`: Missing Idempotency-Key header (a UUID the app generates once per report).
             *     - `invalid_idempotency_key`: Idempotency-Key must be a UUID.
             *     - `invalid_multipart`: Invalid multipart body: expected a `report` part (JSON) and `photo` parts.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "idempotency_key_required" | "invalid_idempotency_key" | "invalid_multipart";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `upload_too_slow`: The upload arrived too slowly and was cut off; send it again on a better connection. */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "upload_too_slow";
                    };
                };
            };
            /**
             * @description - `idempotency_conflict`: This Idempotency-Key was already used for a different report.
             *     - `transition_not_allowed`: This action is not possible in the ticket's current state.
             *     - `report_closed`: The report is finished; it can no longer take photos or supports.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "idempotency_conflict" | "transition_not_allowed" | "report_closed";
                    };
                };
            };
            /** @description - `photo_too_large`: The photo is over the size limit per photo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "photo_too_large";
                    };
                };
            };
            /** @description - `unsupported_image_format`: Unsupported image format; only JPEG, PNG and WebP are accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_image_format";
                    };
                };
            };
            /**
             * @description - `too_many_photos`: Too many photos for one report.
             *     - `photo_empty`: The photo file is empty.
             *     - `photo_too_many_pixels`: The photo is over the megapixel limit.
             *     - `photo_corrupt`: The photo file is damaged or incomplete.
             *     - `photo_metadata_corrupt`: The photo's EXIF metadata is damaged.
             *     - `photo_too_far`: The after photo was taken more than 200 m from the report.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_photos" | "photo_empty" | "photo_too_many_pixels" | "photo_corrupt" | "photo_metadata_corrupt" | "photo_too_far";
                    };
                };
            };
            /** @description - `too_many_uploads`: Too many uploads at once from you; wait for the previous ones to finish. */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "too_many_uploads";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /**
             * @description - `media_busy`: Too many photos are being processed; retry in a few seconds.
             *     - `service_unavailable`: The service is temporarily unavailable; try again shortly.
             */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "media_busy" | "service_unavailable";
                    };
                };
            };
        };
    };
    list_templates: {
        parameters: {
            query?: {
                /** @description A handling unit's code. */
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Items_Template"];
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateRequest"];
            };
        };
        responses: {
            /** @description The template */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            /**
             * @description - `invalid_json`: The request body is not valid JSON for this endpoint.
             *     - `invalid_query`: Invalid query parameters.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json" | "invalid_query";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `invalid_template`: A response template needs a title (at most 200 characters) and a body (at most 4000).
             *     - `unknown_unit`: The handling unit does not exist or is inactive.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_template" | "unknown_unit";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    delete_template: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /** @description - `account_disabled`: This account has been disabled. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_audit: {
        parameters: {
            query?: {
                /** @description Only this account's actions. */
                actor?: string;
                /** @description Only this action, for example `user.lock` (the list is in docs/api.md). */
                action?: string;
                /** @description From this instant (RFC 3339), inclusive. */
                from?: string;
                /** @description Up to this instant (RFC 3339), exclusive. */
                to?: string;
                /** @description Where the previous page ended (`next_cursor`). */
                cursor?: string;
                /** @description Rows per page, 1 to 200 (default 50). */
                limit?: string;
                /** @description `json` (default) or `csv`: a download of up to 50,000 rows (`cursor` and `limit` ignored). */
                format?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditEntry"];
                    "text/csv": string;
                };
            };
            /**
             * @description - `invalid_query`: Invalid query parameters.
             *     - `invalid_cursor`: The pagination cursor is invalid.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query" | "invalid_cursor";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_staff: {
        parameters: {
            query?: {
                /** @description Staff of this handling unit (administrators). */
                unit?: string;
                /**
                 * @description Any account, residents' too, whose login or name contains this (2 to 100 characters;
                 *     IOC operators and administrators; at most 50, by login).
                 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"][];
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_staff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffAccountRequest"];
            };
        };
        responses: {
            /** @description The account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `login_taken`: This login is already registered. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "login_taken";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `invalid_login`: The login must be an email address or a Vietnamese mobile number.
             *     - `invalid_full_name`: The full name must not be empty and at most 100 characters.
             *     - `weak_password`: The password must be 8 to 128 characters long.
             *     - `unknown_role`: Unknown role.
             *     - `unit_required`: Officers and unit managers belong to exactly one unit; other roles to none.
             *     - `unknown_unit`: The handling unit does not exist or is inactive.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_login" | "invalid_full_name" | "weak_password" | "unknown_role" | "unit_required" | "unknown_unit";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    update_staff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffAccountChange"];
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `unknown_role`: Unknown role.
             *     - `unit_required`: Officers and unit managers belong to exactly one unit; other roles to none.
             *     - `unknown_unit`: The handling unit does not exist or is inactive.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unknown_role" | "unit_required" | "unknown_unit";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    lock_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LockRequest"];
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `note_required`: This action needs a note (the reason).
             *     - `text_too_long`: Notes, answers and comments may be at most 4000 characters.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "note_required" | "text_too_long";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    unlock_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    hide_report_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HideRequest"];
            };
        };
        responses: {
            /** @description Hidden */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `note_required`: This action needs a note (the reason).
             *     - `text_too_long`: Notes, answers and comments may be at most 4000 characters.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "note_required" | "text_too_long";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    unhide_report_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The report's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HideRequest"];
            };
        };
        responses: {
            /** @description Shown again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_api_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_api_key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyRequest"];
            };
        };
        responses: {
            /** @description The key, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_api_key_name`: The application name needs 1 to 100 characters and no active key may already use it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_api_key_name";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    revoke_api_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    admin_units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The units */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"][];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    put_unit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unit's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitInput"];
            };
        };
        responses: {
            /** @description The unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_definition`: Invalid definition: check the code (lower-case letters, digits, hyphens), names, email and kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_definition";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    admin_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"][];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    put_category: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The category's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryInput"];
            };
        };
        responses: {
            /** @description The category */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_definition`: Invalid definition: check the code (lower-case letters, digits, hyphens), names, email and kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_definition";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    routing_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"][];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    add_routing_rule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleInput"];
            };
        };
        responses: {
            /** @description The rule */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `unknown_category`: Unknown report category.
             *     - `unknown_unit`: The handling unit does not exist or is inactive.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unknown_category" | "unknown_unit";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    end_routing_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleEnd"];
            };
        };
        responses: {
            /** @description The rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_period`: The end must be after the start. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_period";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    sla_policies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"][];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    put_sla_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyInput"];
            };
        };
        responses: {
            /** @description The policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /**
             * @description - `invalid_policy`: Invalid SLA policy: positive times, accept time not above resolve time.
             *     - `unknown_category`: Unknown report category.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_policy" | "unknown_category";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    holidays: {
        parameters: {
            query?: {
                /** @description Only this year's holidays. */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holidays, by day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Holiday"][];
                };
            };
            /** @description - `invalid_query`: Invalid query parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_query";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    put_holidays: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Holiday"][];
            };
        };
        responses: {
            /** @description Stored */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_definition`: Invalid definition: check the code (lower-case letters, digits, hyphens), names, email and kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_definition";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    delete_holiday: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The day, `YYYY-MM-DD` */
                day: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    populations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The populations on record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Population"][];
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    put_population: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The commune's 5-digit code */
                commune: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PopulationRequest"];
            };
        };
        responses: {
            /** @description The population on record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Population"];
                };
            };
            /** @description - `invalid_json`: The request body is not valid JSON for this endpoint. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_json";
                    };
                };
            };
            /**
             * @description - `missing_token`: Authentication required: missing access token (Authorization: Bearer).
             *     - `invalid_token`: The access token is invalid.
             *     - `token_expired`: The access token has expired; refresh it.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "missing_token" | "invalid_token" | "token_expired";
                    };
                };
            };
            /**
             * @description - `account_disabled`: This account has been disabled.
             *     - `forbidden`: You are not allowed to do this.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "account_disabled" | "forbidden";
                    };
                };
            };
            /** @description - `not_found`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "not_found";
                    };
                };
            };
            /** @description - `payload_too_large`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "payload_too_large";
                    };
                };
            };
            /** @description - `unsupported_media_type`: Unsupported content type; send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "unsupported_media_type";
                    };
                };
            };
            /** @description - `invalid_definition`: Invalid definition: check the code (lower-case letters, digits, hyphens), names, email and kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "invalid_definition";
                    };
                };
            };
            /** @description - `internal_error`: Internal error; the request was not carried out. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "internal_error";
                    };
                };
            };
            /** @description - `service_unavailable`: The service is temporarily unavailable; try again shortly. */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {string} */
                        error?: "service_unavailable";
                    };
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
}
