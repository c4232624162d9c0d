//! Generator diagnostics: errors only where no correct code can be made
//! (not UTF-8, invalid YAML, a `$ref` to nothing), each naming the real place;
//! everything odd but usable is a warning (file, JSON pointer, reason) next
//! to code that is still generated. Our own specs give no warning at all.

use std::fs;
use std::path::{Path, PathBuf};

use codegen::{CodegenError, Settings, SpecSource};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn corpus(file: &str) -> PathBuf {
    root().join("../shared/corpus").join(file)
}

fn generate(file: &str, text: &str) -> Result<codegen::Generated, CodegenError> {
    codegen::generate(SpecSource { file, text }, "api", &Settings::default())
}

#[test]
fn our_specs_generate_without_warnings() {
    for module in tests::APIS {
        let file = format!("specs/{module}.yaml");
        let text = fs::read_to_string(root().join(&file)).unwrap();
        let generated = generate(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        assert!(generated.warnings.is_empty(), "{file}: {:#?}", generated.warnings);
    }
}

/// The corpus files that are Latin-1, with the offset and line of their first
/// byte that is not UTF-8 (a `±` written as the single byte 0xB1).
const NOT_UTF8: &[(&str, usize, usize)] = &[
    ("klarna-customer-token.yml", 19358, 564),
    ("klarna-payments.yml", 36700, 993),
    ("klarna-kustom-checkout.yml", 16698, 493),
    ("klarna-kustom-checkout-callback.yml", 21538, 589),
];

#[test]
fn latin1_corpus_files_are_refused_with_offset_line_and_reason() {
    for (file, offset, line) in NOT_UTF8 {
        let bytes = fs::read(corpus(file)).unwrap();
        let error = SpecSource::from_bytes(file, &bytes).unwrap_err();
        let CodegenError::NotUtf8 { offset: found_offset, line: found_line, .. } = &error else {
            panic!("{file}: expected a not-UTF-8 error, got {error}");
        };
        assert_eq!((*found_offset, *found_line), (*offset, *line), "{file}");
        let message = error.to_string();
        assert!(message.starts_with(&format!("{file}:{line}:")), "{message}");
        assert!(message.contains("not UTF-8: byte 0xB1 is a continuation byte with no lead byte"), "{message}");
        assert!(message.contains(&format!("at byte offset {offset}")), "{message}");
    }
}

#[test]
fn generate_on_a_latin1_file_writes_nothing() {
    for (file, offset, _) in NOT_UTF8 {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("crate");
        let spec = corpus(file);
        let error = xtask::generate::run(&root(), spec.to_str().unwrap(), &target).unwrap_err();
        assert!(error.contains(&format!("at byte offset {offset}")), "{error}");
        assert!(!target.exists(), "{file}: generate wrote {}", target.display());
    }
}

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

/// The one warning of a generated document, as (pointer, reason).
fn only_warning(text: &str) -> (String, String) {
    let generated = generate("t.yaml", text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.warnings.len(), 1, "{:#?}", generated.warnings);
    let warning = &generated.warnings[0];
    (warning.at.pointer.clone(), warning.reason.clone())
}

#[test]
fn problems_inside_one_of_name_one_of() {
    let text = format!(
        "{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    U:\n      oneOf:\n        - type: string\n          pattern: '(a'\n"
    );
    let (pointer, reason) = only_warning(&text);
    assert_eq!(pointer, "/components/schemas/U/oneOf/0/pattern");
    assert!(reason.contains("is not an ECMA-262 regular expression"), "{reason}");
}

#[test]
fn problems_in_a_referenced_parameter_name_the_component() {
    let text = format!(
        "{HEAD}paths:\n  /a:\n    get:\n      operationId: a\n      parameters: [{{$ref: '#/components/parameters/P'}}]\n      responses: {{'204': {{description: ok}}}}\ncomponents:\n  parameters:\n    P:\n      name: p\n      in: query\n      schema: {{type: string, pattern: '(a'}}\n"
    );
    assert_eq!(only_warning(&text).0, "/components/parameters/P/schema/pattern");
}

#[test]
fn a_ref_to_nothing_is_an_error_at_the_ref() {
    let text = format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: array\n      items: {{$ref: '#/components/schemas/Gone'}}\n");
    let error = generate("t.yaml", &text).unwrap_err().to_string();
    assert_eq!(error, "t.yaml#/components/schemas/A/items: unresolved $ref \"#/components/schemas/Gone\"");
}

/// Each fixture in `tests/fixtures/warnings/`: the warnings it must give
/// (pointer, part of the reason); its code is still generated.
const WARNINGS: &[(&str, &[(&str, &str)])] = &[
    (
        "default_mismatch",
        &[
            (
                "/components/schemas/Settings/properties/mode/default",
                "default \"SLOW\" does not fit the member's schema: \"SLOW\" is not one of the enum's values; the member has no default",
            ),
            (
                "/components/schemas/Settings/properties/flag/default",
                "default \"false\" does not fit the member's schema: it is a string, the schema wants a boolean",
            ),
            (
                "/components/schemas/Settings/properties/short/default",
                "default \"abc\" does not fit the member's schema: it has 3 characters, more than maxLength 2",
            ),
            (
                "/components/schemas/Settings/properties/list/default",
                "default [1,\"two\"] does not fit the member's schema: at /1: it is a string, the schema wants an integer",
            ),
            (
                "/components/schemas/Settings/properties/part/default",
                "default {\"size\":1} does not fit the member's schema: the required member \"name\" is missing",
            ),
        ],
    ),
    ("header_without_schema", &[("/paths/~1a/post/responses/201/headers/Location", "header without `schema`")]),
    (
        "response_header_object",
        &[
            (
                "/paths/~1a/get/responses/200/headers/X-Point/schema",
                "response header `X-Point`: this schema cannot be read from header text; read as a string",
            ),
            ("/paths/~1a/get/responses/200/headers/X-Picture/content", "response header `X-Picture` as `image/png`"),
        ],
    ),
    (
        "several_media_types",
        &[(
            "/paths/~1subscriptions/post/callbacks/event/{$request.body#~1url}/post/requestBody/content/application~1xml",
            "media type `application/xml` is documented too; the webhook is read as `application/json`",
        )],
    ),
    (
        "invalid_pattern",
        &[(
            "/components/schemas/Unclosed/properties/code/pattern",
            "pattern \"^(a\" is not an ECMA-262 regular expression",
        )],
    ),
    (
        "operation_oddities",
        &[
            ("/paths/~1loop", "$ref chain of a path item or callback never ends; it is skipped"),
            ("/paths/~1items~1{id}/get", "operation has no operationId; it is called \"get_items_id\""),
            (
                "/paths/~1items~1{id}/post/operationId",
                "operationId \"same\" is already used at /paths/~1items~1{id}/put; this operation is called \"same_2\"",
            ),
            ("/paths/~1items~1{id}/get", "path template names {id} but no path parameter; it is a required string"),
            ("/paths/~1items~1{id}/put", "path template names {id} but no path parameter"),
            ("/paths/~1items~1{id}/put", "path parameter \"unused\" is not in the path template; it is left out"),
            ("/paths/~1items~1{id}/post/requestBody", "request body without `content`; the operation sends no body"),
            ("/paths/~1items~1{id}/post", "path template names {id} but no path parameter"),
            (
                "/paths/~1items~1{id}/post/callbacks/done/{$request.body#~1callback}/post",
                "callback without a request body; its payload is read as any JSON value",
            ),
            (
                "/paths/~1items~1{id}/post/callbacks/done/{$request.body#~1callback}/post/x-klarna-event-types",
                "must be a list of event type strings; ignored",
            ),
            (
                "/paths/~1filters/get/parameters/0/content",
                "parameter `content` must have exactly one media type; `application/json` is used",
            ),
            ("/components/schemas/Ping", "Ping only names itself through other names; read as any JSON value"),
            ("/components/schemas/Pong", "Pong only names itself through other names"),
        ],
    ),
    (
        "unknown_security_scheme",
        &[
            (
                "/paths/~1a/get/security/0/missing",
                "security scheme `missing` is not defined in components/securitySchemes; this alternative is dropped",
            ),
            (
                "/security/0/basicAuth",
                "security scheme `basicAuth` is not defined in components/securitySchemes; this alternative is dropped",
            ),
            ("/security", "no alternative names a scheme the client can send; any of the document's schemes is used"),
        ],
    ),
    (
        "odd_schemas",
        &[
            ("/components/schemas/Name/minItems", "`minItems` does not apply to type string; ignored"),
            ("/components/schemas/Mixed", "enum values of different JSON types; read as free-form JSON"),
            (
                "/components/schemas/Wide/allOf/1/properties/a",
                "this allOf member is of type integer, another of type string: no value is both; read as free-form JSON",
            ),
            (
                "/components/schemas/NoCommonValue/allOf/1",
                "no value of this enum satisfies the other allOf members; every value of any member is allowed",
            ),
            (
                "/components/schemas/FarFactors",
                "multipleOf 0.00000000000000000001, 100000000000000000000 have no common multiple",
            ),
        ],
    ),
];

#[test]
fn odd_but_usable_documents_give_warnings_and_code() {
    for (name, expected) in WARNINGS {
        let file = format!("tests/fixtures/warnings/{name}.yaml");
        let text = fs::read_to_string(root().join(&file)).unwrap();
        let generated = generate(&file, &text).unwrap_or_else(|e| panic!("{name} must generate: {e}"));
        assert!(!generated.files.is_empty());
        assert_eq!(generated.warnings.len(), expected.len(), "{name}: {:#?}", generated.warnings);
        for (warning, (pointer, reason)) in generated.warnings.iter().zip(expected.iter()) {
            assert_eq!(warning.at.file, file);
            assert_eq!(warning.at.pointer, *pointer, "{name}");
            assert!(warning.reason.contains(reason), "{name}: {warning}");
            assert!(warning.to_string().starts_with(&format!("{file}#{pointer}: warning: ")), "{warning}");
        }
    }
}

#[test]
fn every_warning_fixture_is_covered() {
    let count = fs::read_dir(root().join("tests/fixtures/warnings"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "yaml"))
        .count();
    assert_eq!(count, WARNINGS.len(), "add each new warning fixture to the table above");
}
