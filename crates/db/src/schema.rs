//! Diesel's view of the tables, kept in step with `migrations/` by hand (the migration round-trip
//! test and every query test fail when they drift).

diesel::table! {
    use diesel::sql_types::*;
    use postgis_diesel::sql_types::Geometry;

    admin_units (id) {
        id -> Int8,
        code -> Text,
        name -> Text,
        full_name -> Text,
        name_en -> Text,
        full_name_en -> Text,
        name_ascii -> Text,
        level -> Text,
        province_code -> Text,
        area_km2 -> Nullable<Float8>,
        geom -> Geometry,
        content_hash -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        source -> Text,
        imported_at -> Timestamptz,
    }
}

diesel::table! {
    legacy_units (old_code, new_code) {
        old_code -> Text,
        old_name -> Text,
        old_type -> Text,
        old_district_code -> Text,
        old_district_name -> Text,
        new_code -> Text,
        merge_type -> Text,
    }
}

diesel::table! {
    categories (code) {
        code -> Text,
        name_vi -> Text,
        name_en -> Text,
        urgent -> Bool,
        active -> Bool,
        sort_order -> Int4,
        group_vi -> Text,
        group_en -> Text,
        nearby_radius_m -> Int4,
    }
}

diesel::table! {
    handling_units (code) {
        code -> Text,
        kind -> Text,
        name_vi -> Text,
        name_en -> Text,
        email -> Text,
        commune_code -> Nullable<Text>,
        active -> Bool,
    }
}

diesel::table! {
    routing_rules (id) {
        id -> Int8,
        category_code -> Text,
        commune_code -> Nullable<Text>,
        target_kind -> Text,
        target_unit -> Nullable<Text>,
        valid_from -> Timestamptz,
        valid_to -> Nullable<Timestamptz>,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        login -> Text,
        login_kind -> Text,
        password_hash -> Text,
        full_name -> Text,
        role -> Text,
        unit_code -> Nullable<Text>,
        locale -> Text,
        disabled_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        session_epoch -> Int4,
        erased_at -> Nullable<Timestamptz>,
        locked_at -> Nullable<Timestamptz>,
        lock_reason -> Nullable<Text>,
        locked_by -> Nullable<Uuid>,
        verified_at -> Nullable<Timestamptz>,
        notifications_read_to -> Int8,
        unsubscribe_token -> Uuid,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Bytea,
        issued_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        session_epoch -> Int4,
    }
}

// `reports` has two columns more than listed here (diesel's tables stop at 32 columns):
// `public_location` (generated) and `channel`, read and written with plain SQL (`read::report`,
// `reports::submit`).
diesel::table! {
    use diesel::sql_types::*;
    use postgis_diesel::sql_types::Geometry;

    reports (id) {
        id -> Uuid,
        number -> Int8,
        reporter_id -> Uuid,
        idempotency_key -> Uuid,
        fingerprint -> Bytea,
        category_code -> Text,
        description -> Text,
        address -> Nullable<Text>,
        location -> Geometry,
        location_source -> Text,
        status -> Text,
        boundary_id -> Int8,
        commune_code -> Text,
        commune_reason -> Text,
        commune_distance_m -> Float8,
        unit_code -> Text,
        routing_rule_id -> Nullable<Int8>,
        unit_reason -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        urgent -> Bool,
        sla_clock -> Text,
        sla_origin -> Nullable<Timestamptz>,
        accept_due_at -> Nullable<Timestamptz>,
        resolve_due_at -> Nullable<Timestamptz>,
        due_at -> Nullable<Timestamptz>,
        paused_at -> Nullable<Timestamptz>,
        escalation_level -> Int2,
        assignee_id -> Nullable<Uuid>,
        hops -> Int4,
        duplicate_of -> Nullable<Uuid>,
        public_answer -> Nullable<Text>,
    }
}

diesel::table! {
    report_events (id) {
        id -> Int8,
        report_id -> Uuid,
        kind -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        actor_id -> Nullable<Uuid>,
        unit_code -> Nullable<Text>,
        note -> Nullable<Text>,
        public -> Bool,
        at -> Timestamptz,
        public_note -> Nullable<Text>,
        from_unit -> Nullable<Text>,
        related_id -> Nullable<Uuid>,
        assignee_id -> Nullable<Uuid>,
        due_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    holidays (day) {
        day -> Date,
        name -> Text,
    }
}

diesel::table! {
    sla_policies (id) {
        id -> Int8,
        category_code -> Nullable<Text>,
        urgent -> Bool,
        clock -> Text,
        accept_minutes -> Int4,
        resolve_minutes -> Int4,
    }
}

diesel::table! {
    ratings (report_id) {
        report_id -> Uuid,
        rater_id -> Uuid,
        score -> Int2,
        comment -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    response_templates (id) {
        id -> Uuid,
        unit_code -> Text,
        title -> Text,
        body -> Text,
        created_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    jobs (id) {
        id -> Int8,
        kind -> Text,
        payload -> Jsonb,
        run_at -> Timestamptz,
        attempts -> Int4,
        last_error -> Nullable<Text>,
        dead_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Uuid,
        name -> Text,
        prefix -> Text,
        key_hash -> Bytea,
        account_id -> Uuid,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    category_questions (category_code, code) {
        category_code -> Text,
        code -> Text,
        datatype -> Text,
        required -> Bool,
        description_vi -> Text,
        description_en -> Text,
        choices -> Jsonb,
        sort_order -> Int4,
    }
}

diesel::table! {
    report_submissions (report_id) {
        report_id -> Uuid,
        api_key_id -> Uuid,
        token -> Uuid,
        email -> Nullable<Text>,
        first_name -> Nullable<Text>,
        last_name -> Nullable<Text>,
        phone -> Nullable<Text>,
        device_id -> Nullable<Text>,
        account_id -> Nullable<Text>,
        media_url -> Nullable<Text>,
        answers -> Jsonb,
    }
}

diesel::joinable!(reports -> admin_units (boundary_id));
diesel::joinable!(reports -> categories (category_code));
diesel::joinable!(reports -> handling_units (unit_code));
diesel::joinable!(report_events -> reports (report_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::table! {
    ticket_facts (report_id) {
        report_id -> Uuid,
        received_at -> Timestamptz,
        commune_code -> Text,
        category_code -> Text,
        unit_code -> Text,
        accepted_at -> Nullable<Timestamptz>,
        accept_working_s -> Nullable<Int8>,
        accept_wall_s -> Nullable<Int8>,
        resolved_at -> Nullable<Timestamptz>,
        resolve_working_s -> Nullable<Int8>,
        resolve_wall_s -> Nullable<Int8>,
        resolved_on_time -> Nullable<Bool>,
        transfers -> Int4,
        reopens -> Int4,
        rating -> Nullable<Int2>,
        rated_at -> Nullable<Timestamptz>,
        channel -> Text,
        resolved_unlocated -> Bool,
    }
}

diesel::joinable!(ticket_facts -> reports (report_id));

diesel::table! {
    commune_populations (commune_code) {
        commune_code -> Text,
        population -> Int4,
        as_of -> Date,
        source -> Nullable<Text>,
    }
}

diesel::table! {
    report_supports (report_id, user_id) {
        report_id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(report_supports -> reports (report_id));

diesel::allow_tables_to_appear_in_same_query!(
    report_supports,
    admin_units,
    legacy_units,
    categories,
    handling_units,
    routing_rules,
    users,
    refresh_tokens,
    reports,
    report_events,
    photos,
    holidays,
    sla_policies,
    ratings,
    response_templates,
    jobs,
    ticket_facts,
    commune_populations,
    api_keys,
    category_questions,
    report_submissions,
);

diesel::table! {
    use diesel::sql_types::*;
    use postgis_diesel::sql_types::Geometry;

    photos (id) {
        id -> Uuid,
        report_id -> Uuid,
        kind -> Text,
        uploader_id -> Uuid,
        idempotency_key -> Uuid,
        ordinal -> Int4,
        original_key -> Text,
        original_sha256 -> Text,
        original_format -> Text,
        original_bytes -> Int4,
        width -> Int4,
        height -> Int4,
        display_key -> Text,
        display_width -> Int4,
        display_height -> Int4,
        thumb_key -> Text,
        thumb_width -> Int4,
        thumb_height -> Int4,
        exif_location -> Nullable<Geometry>,
        exif_taken_at -> Nullable<Timestamp>,
        exif_camera -> Nullable<Text>,
        exif_orientation -> Int2,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(photos -> reports (report_id));
