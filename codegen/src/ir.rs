//! The generator's model of one API: plain data, no syn or quote.
//!
//! Types are keyed by Rust name in a `BTreeMap` so output order never depends
//! on hash order; operations keep document order.

use std::collections::BTreeMap;

/// One API, ready to be emitted.
#[derive(Debug, Clone)]
pub struct Api {
    /// The spec file (`specs/identity.yaml`).
    pub file: String,
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// The servers, in document order.
    pub servers: Vec<Server>,
    /// The live and test base URLs, picked by the settings' conventions.
    pub base_urls: BaseUrls,
    /// The conventions the model was built with.
    pub conventions: crate::settings::Conventions,
    /// The security schemes the client authenticates with, in document
    /// order (a scheme a convention handles, the partner account, is not
    /// among them).
    pub security_schemes: Vec<SecurityScheme>,
    /// Named types by Rust name.
    pub types: BTreeMap<String, TypeDef>,
    /// Operations in document order.
    pub operations: Vec<Operation>,
    /// Webhooks (callbacks) in document order.
    pub webhooks: Vec<Webhook>,
}

/// The base URLs a client picks from by environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaseUrls {
    /// The live server's URL.
    pub live: Option<String>,
    /// The test server's URL.
    pub test: Option<String>,
}

/// A server entry.
#[derive(Debug, Clone)]
pub struct Server {
    /// The base URL.
    pub url: String,
    /// Its description.
    pub description: Option<String>,
}

/// Which way values of a type travel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Direction {
    /// Sent by the client (request bodies and parameters).
    pub request: bool,
    /// Received by the client (responses and webhooks).
    pub response: bool,
}

/// A named Rust type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// The Rust name.
    pub name: String,
    /// Documentation from the spec.
    pub doc: Option<String>,
    /// JSON pointer of the schema it came from.
    pub pointer: String,
    /// What kind of type it is.
    pub kind: TypeKind,
    /// Which way its values travel (filled in after all operations are read).
    pub direction: Direction,
    /// An example value from the spec.
    pub example: Option<serde_json::Value>,
    /// The key under `components/schemas` when the type is a component.
    pub component: Option<String>,
    /// No value of the type can break a constraint, so containers need not
    /// validate it (filled in by the facts pass).
    pub always_valid: bool,
    /// Values of the type can be written as text: a path segment, a query
    /// or header value (filled in by the facts pass).
    pub displayable: bool,
}

impl TypeDef {
    /// A type whose facts (direction, validity, display) are not yet computed.
    pub fn new(name: String, pointer: &str, kind: TypeKind) -> Self {
        TypeDef {
            name,
            doc: None,
            pointer: pointer.to_owned(),
            kind,
            direction: Direction::default(),
            example: None,
            component: None,
            always_valid: false,
            displayable: false,
        }
    }

    /// Whether unknown enum values are kept: the type is received from the server.
    pub fn lenient(&self) -> bool {
        self.direction.response
    }
}

/// The kinds of named types.
#[derive(Debug, Clone)]
pub enum TypeKind {
    /// An object with known properties.
    Struct(StructDef),
    /// A string enumeration.
    Enum(EnumDef),
    /// A constrained scalar or array that checks itself on construction.
    Newtype(Shape),
    /// An unconstrained name for another shape (`type X = String;`).
    Alias(Shape),
    /// `anyOf` / `oneOf` of named types.
    Union(UnionDef),
}

/// `anyOf` / `oneOf`: one variant per member, told apart by a discriminator
/// when the schema has one.
#[derive(Debug, Clone)]
pub struct UnionDef {
    /// The members, in document order.
    pub variants: Vec<Variant>,
    /// `discriminator.propertyName`: the member whose value (the tag) selects
    /// the variant; each variant lists its tags. `None` for an untagged union.
    pub discriminator: Option<String>,
}

impl UnionDef {
    /// The type names the variants hold, in order.
    pub fn member_types(&self) -> impl Iterator<Item = &str> {
        self.variants.iter().map(|v| v.type_name.as_str())
    }
}

/// An object type.
#[derive(Debug, Clone)]
pub struct StructDef {
    /// Properties in document order.
    pub fields: Vec<Field>,
    /// What becomes of members beyond the named ones (`additionalProperties`).
    pub additional: Additional,
    /// `anyOf` alternatives of `required` lists (wire names): a valid object
    /// has every member of at least one list. Empty when there is no such rule.
    pub any_required: Vec<Vec<String>>,
    /// `minProperties`: the fewest members present (named and additional).
    pub min_properties: Option<u64>,
    /// `maxProperties`: the most members present (named and additional).
    pub max_properties: Option<u64>,
}

impl StructDef {
    /// Whether members beyond the named ones are kept, in `additional_properties`.
    pub fn keeps_additional(&self) -> bool {
        !matches!(self.additional, Additional::Dropped)
    }

    /// The shapes of the members: each field's, then the additional members'.
    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        let additional = match &self.additional {
            Additional::Typed(shape) => Some(&**shape),
            Additional::Dropped | Additional::Json => None,
        };
        self.fields.iter().map(|f| &f.shape).chain(additional)
    }
}

/// What becomes of the members an object's schema does not name.
#[derive(Debug, Clone, PartialEq)]
pub enum Additional {
    /// Ignored when read (no `additionalProperties`, or `false`: lenient inbound).
    Dropped,
    /// Kept as JSON (`additionalProperties: true` or `{}`).
    Json,
    /// Kept, each read as and checked against the `additionalProperties` schema.
    Typed(Box<Shape>),
}

/// Whether a member must be present in the JSON object and how it is held.
#[derive(Debug, Clone, PartialEq)]
pub enum Presence {
    /// Required and never `null`: the plain type.
    Required,
    /// Required but `nullable`: an `Option` that must be present, if only as `null`.
    Nullable,
    /// May be absent (or is read-only): an `Option`, left out when `None`.
    Optional,
    /// May be absent, and the receiver then assumes the spec's `default`:
    /// an `Option` like [`Presence::Optional`] (absent stays absent, so a
    /// value is written back as it was read), with an accessor
    /// `<member>_or_default()` that gives the default for `None`.
    Defaulted(DefaultValue),
}

impl Presence {
    /// Whether the Rust field is an `Option`.
    pub fn is_option(&self) -> bool {
        matches!(self, Presence::Nullable | Presence::Optional | Presence::Defaulted(_))
    }

    /// Whether the member may be absent (an `Option` left out when `None`).
    pub fn may_be_absent(&self) -> bool {
        matches!(self, Presence::Optional | Presence::Defaulted(_))
    }
}

/// A member's `default` as a value of the member's Rust type, already
/// checked against its schema (type and every constraint).
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultValue {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// A whole number that fits the member's integer type.
    Integer(i64),
    /// A number.
    Number(f64),
    /// `null` where the Rust type is an `Option`: `None`.
    Null,
    /// A value where the Rust type is an `Option`: `Some(..)`.
    Some(Box<DefaultValue>),
    /// A value held in a `Box`.
    Boxed(Box<DefaultValue>),
    /// A value of the enum the member refers to.
    Variant {
        /// The enum's Rust name.
        type_name: String,
        /// The Rust name of the variant.
        variant: String,
    },
    /// A value of a checked newtype (its constraints already checked).
    Newtype {
        /// The newtype's Rust name.
        type_name: String,
        /// The value it wraps.
        inner: Box<DefaultValue>,
    },
    /// A value of a union, in the form that holds it.
    Union {
        /// The union's Rust name.
        type_name: String,
        /// The Rust name of the variant.
        variant: String,
        /// The value the variant holds.
        inner: Box<DefaultValue>,
    },
    /// An array's items.
    Array(Vec<DefaultValue>),
    /// A map's entries (a `BTreeMap`).
    Map(Vec<(String, DefaultValue)>),
    /// Any JSON value (`serde_json::Value`).
    Json(serde_json::Value),
    /// A free-form JSON object (`serde_json::Map`).
    JsonObject(serde_json::Map<String, serde_json::Value>),
    /// A struct: every field's value by Rust name, in field order, and its
    /// additional members when it keeps them.
    Struct {
        /// The struct's Rust name.
        type_name: String,
        /// Each field's Rust name and value (`Null` for an absent `Option`).
        fields: Vec<(String, DefaultValue)>,
        /// The `additional_properties` value (`Map` or `JsonObject`).
        additional: Option<Box<DefaultValue>>,
    },
}

/// One property of an object.
#[derive(Debug, Clone)]
pub struct Field {
    /// The name on the wire.
    pub wire_name: String,
    /// JSON pointer of the member's schema (in the `allOf` member that
    /// defines it, for a merged object).
    pub pointer: String,
    /// The Rust name.
    pub rust_name: String,
    /// Documentation.
    pub doc: Option<String>,
    /// Its type and constraints.
    pub shape: Shape,
    /// Listed in `required`.
    pub required: bool,
    /// `readOnly: true`: sent by the server only.
    pub read_only: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// The schema's `default`, as written.
    pub default: Option<serde_json::Value>,
    /// An example value from the spec.
    pub example: Option<serde_json::Value>,
    /// How the member is held (filled in once `required`, `readOnly`,
    /// `nullable` and `default` are known).
    pub presence: Presence,
    /// Held in a `Box` because its type contains the owner (filled in by the facts pass).
    pub boxed: bool,
}

/// A string enumeration.
#[derive(Debug, Clone)]
pub struct EnumDef {
    /// The values, in document order.
    pub values: Vec<EnumValue>,
}

/// One enumeration value.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// The value on the wire.
    pub wire_name: String,
    /// The Rust variant name.
    pub variant: String,
}

/// One alternative of a union.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The Rust variant name.
    pub name: String,
    /// The named type it holds.
    pub type_name: String,
    /// The discriminator values that select it, the one it is sent with
    /// first (empty for an untagged union; see [`UnionDef::discriminator`]).
    pub tags: Vec<String>,
    /// Held in a `Box` because its type contains the union (filled in by the facts pass).
    pub boxed: bool,
}

/// A type expression with the constraints that apply at that position.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The type.
    pub ty: Ty,
    /// Constraints on the value.
    pub rules: Rules,
    /// `nullable: true`: the value may be JSON `null` (only that; whether a
    /// member may be absent is its [`Presence`]).
    pub nullable: bool,
}

impl Shape {
    /// An unconstrained, non-nullable shape.
    pub fn plain(ty: Ty) -> Self {
        Shape { ty, rules: Rules::default(), nullable: false }
    }

    /// The same shape without `nullable`.
    pub fn non_null(&self) -> Shape {
        Shape { nullable: false, ..self.clone() }
    }
}

/// Type expressions.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// A named type.
    Named(String),
    /// A string (any `format` is documentation only).
    String,
    /// A 32-bit integer (`format: int32`).
    I32,
    /// A 64-bit integer (`format: int64` or none).
    I64,
    /// A number.
    F64,
    /// A boolean.
    Bool,
    /// An array.
    Array(Box<Shape>),
    /// An object whose members all share one schema.
    Map(Box<Shape>),
    /// Any JSON value (a schema without a type).
    Json,
    /// A free-form JSON object.
    JsonObject,
    /// Raw bytes (a binary request or response body).
    Bytes,
}

/// Constraints at one position, each a runtime `Rule` a value can break;
/// absent ones are `None`/`false`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rules {
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `pattern`: every one must match (several when `allOf` members each
    /// bring one), each reported with its own source.
    pub patterns: Vec<PatternDef>,
    /// `minimum` and whether it is exclusive.
    pub minimum: Option<(f64, bool)>,
    /// `maximum` and whether it is exclusive.
    pub maximum: Option<(f64, bool)>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems`.
    pub unique_items: bool,
    /// `enum` of a number, integer or boolean: the values allowed.
    pub allowed: Option<Vec<serde_json::Value>>,
    /// `multipleOf`.
    pub multiple_of: Option<f64>,
    /// `minProperties` of a map or free-form object.
    pub min_properties: Option<u64>,
    /// `maxProperties` of a map or free-form object.
    pub max_properties: Option<u64>,
}

impl Rules {
    /// Whether no constraint is set.
    pub fn is_empty(&self) -> bool {
        *self == Rules::default()
    }
}

/// A pattern and its translation.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternDef {
    /// The pattern as written in the spec.
    pub source: String,
    /// Expressions that must all match.
    pub must_match: Vec<String>,
    /// Expressions none of which may match.
    pub must_not_match: Vec<String>,
    /// For a pattern that needs back-references or look-around: its one
    /// expression for the bounded backtracking engine (both lists empty).
    pub backtracking: Option<String>,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// In the URL path.
    Path,
    /// In the query string.
    Query,
    /// In a request header.
    Header,
    /// In the `Cookie` header.
    Cookie,
}

/// How a parameter's value is written (OpenAPI `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `simple` (the default in paths and headers): `1,2`; objects `k,v` or, exploded, `k=v`.
    Simple,
    /// `label` (paths): `.1,2`, or `.1.2` exploded.
    Label,
    /// `matrix` (paths): `;id=1,2`, or `;id=1;id=2` exploded.
    Matrix,
    /// `form` (the default in queries and cookies): `a=1&a=2`, or `a=1,2` without explode.
    Form,
    /// `spaceDelimited`: `a=1%202`.
    SpaceDelimited,
    /// `pipeDelimited`: `a=1|2`.
    PipeDelimited,
    /// `deepObject`: `a[key]=value`.
    DeepObject,
    /// Described by `content` with a JSON media type: the value's JSON text.
    Json,
}

/// One operation parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust name.
    pub rust_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Whether it must be given.
    pub required: bool,
    /// Its type and constraints.
    pub shape: Shape,
    /// Documentation.
    pub doc: Option<String>,
    /// `explode` for arrays and objects.
    pub explode: bool,
    /// How the value is written (`style`).
    pub style: ParamStyle,
    /// A value written from its serde form (an object, an array in a path,
    /// a style other than the plain `form` or `simple`) rather than as text
    /// (filled in by the facts pass).
    pub structured: bool,
    /// An example value from the spec (parameter or inline schema).
    pub example: Option<serde_json::Value>,
    /// Whether the value is a credential (a token) that must never be shown.
    pub secret: bool,
}

/// A request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// Whether it must be sent.
    pub required: bool,
    /// The media types it can be sent as, the preferred one (JSON) first;
    /// never empty.
    pub kinds: Vec<BodyKind>,
    /// The enum the method takes when there are several kinds
    /// (`<Operation>Body`; filled in once every operation is read).
    pub enum_name: Option<String>,
    /// An example body from the spec's preferred media type.
    pub example: Option<serde_json::Value>,
}

impl Body {
    /// The preferred kind: what a body of one kind is sent as.
    pub fn preferred(&self) -> &BodyKind {
        &self.kinds[0]
    }
}

/// One way a body is written or read: its media types and its shape.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyKind {
    /// The media types it stands for: for a request body the one sent; for
    /// a response every documented one read the same way into the same
    /// shape (`application/json` and `application/scim+json`).
    pub content_types: Vec<String>,
    /// How it is written or read.
    pub media: Media,
    /// Its shape.
    pub shape: Shape,
    /// Its variant in the body enum (`Json`, `Csv`, `Multipart`).
    pub variant: String,
    /// How members of a form or multipart body are written where they
    /// differ from the default (`encoding` in the spec, binary members).
    pub encodings: Vec<MemberEncoding>,
}

/// How one member of a form or multipart body is written.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberEncoding {
    /// The member's wire name.
    pub name: String,
    /// Form bodies: its style (`form` by default, `deepObject`, the
    /// delimited ones, or `Json` for a JSON `contentType`).
    pub style: ParamStyle,
    /// Form bodies: `explode` (true by default for `form`).
    pub explode: bool,
    /// Multipart bodies: the part's content type, when documented.
    pub content_type: Option<String>,
    /// Multipart bodies: a binary member (`format: binary`), sent as a file part.
    pub file: bool,
}

/// Which statuses a response entry covers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum StatusMatch {
    /// One status code.
    Code(u16),
    /// A range such as `4XX` (the first digit).
    Range(u16),
    /// `default`.
    Default,
}

/// One documented response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The statuses it covers.
    pub status: StatusMatch,
    /// Its description.
    pub doc: String,
    /// Its body: one kind per way it is read, the preferred (JSON) first;
    /// empty without one. The received content type picks the kind.
    pub body: Vec<BodyKind>,
    /// The enum the outcome variant holds when there are several kinds
    /// (`<Operation><Variant>Body`; filled in once every operation is read).
    pub body_type: Option<String>,
    /// The response headers it declares, in document order (`Content-Type`,
    /// which OpenAPI says to ignore, left out).
    pub headers: Vec<ResponseHeader>,
    /// The struct its typed headers are read into, when it declares a
    /// header the runtime does not read itself (filled in once every
    /// operation is read).
    pub headers_type: Option<HeadersType>,
}

impl StatusMatch {
    /// The name of the outcome variant for these statuses: `Ok`,
    /// `NotFound`, `Status418`, `Status4xx`, `Other` for `default`.
    pub fn variant_name(&self) -> String {
        let known = |code: u16| {
            Some(match code {
                200 => "Ok",
                201 => "Created",
                202 => "Accepted",
                204 => "NoContent",
                400 => "BadRequest",
                401 => "Unauthorized",
                403 => "Forbidden",
                404 => "NotFound",
                405 => "MethodNotAllowed",
                409 => "Conflict",
                410 => "Gone",
                412 => "PreconditionFailed",
                415 => "UnsupportedMediaType",
                422 => "UnprocessableEntity",
                429 => "TooManyRequests",
                500 => "InternalServerError",
                502 => "BadGateway",
                503 => "ServiceUnavailable",
                504 => "GatewayTimeout",
                _ => return None,
            })
        };
        match self {
            StatusMatch::Code(code) => known(*code).map_or_else(|| format!("Status{code}"), str::to_owned),
            StatusMatch::Range(digit) => format!("Status{digit}xx"),
            StatusMatch::Default => "Other".to_owned(),
        }
    }
}

/// One header a response declares.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHeader {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust field name in the headers struct.
    pub rust_name: String,
    /// Documentation.
    pub doc: Option<String>,
    /// `required: true` (documentation only: a missing header is `None`).
    pub required: bool,
    /// Its type (a string when the schema cannot be read from header text).
    pub shape: Shape,
    /// How its text becomes a value of `shape`.
    pub reading: HeaderReading,
    /// Its value is a credential (the name ends in `token`): held redacted.
    pub secret: bool,
    /// The `ResponseMeta` field the runtime reads it into itself, when it
    /// does (rate limits, correlation id): the headers struct has no field for it.
    pub in_meta: Option<MetaField>,
}

/// A `ResponseMeta` field the runtime fills from response headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    /// `rate_limit`: `X-Ratelimit-Limit`, `-Remaining`, `-Reset`.
    RateLimit,
    /// `correlation_id`.
    CorrelationId,
}

impl MetaField {
    /// The field's name in `ResponseMeta`.
    pub fn name(self) -> &'static str {
        match self {
            MetaField::RateLimit => "rate_limit",
            MetaField::CorrelationId => "correlation_id",
        }
    }
}

/// How the text of a response header is read (OpenAPI's `simple` style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderReading {
    /// The text as a string (also enums and string newtypes).
    Text,
    /// A number (integer or not).
    Number,
    /// `true` or `false`.
    Boolean,
    /// Comma-separated strings.
    TextList,
    /// Comma-separated numbers.
    NumberList,
    /// Comma-separated booleans.
    BooleanList,
    /// JSON text (a header described by `content` of a JSON media type).
    Json,
}

/// The struct a response's typed headers are read into.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadersType {
    /// Its Rust name: `<Operation><Variant>Headers`.
    pub name: String,
    /// An earlier headers struct with the same fields, which this name is
    /// an alias of.
    pub same_as: Option<String>,
}

/// How a body is written or read, from its media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    /// JSON (`application/json`, `+json` types), checked against the content type received.
    Json,
    /// Documented as `*/*` with a schema: read as JSON whatever the content type.
    AnyJson,
    /// `application/x-www-form-urlencoded`, members by their `encoding`.
    Form,
    /// `multipart/form-data`, one part per member.
    Multipart,
    /// Text (`text/*`, XML): a string.
    Text,
    /// Anything else: bytes.
    Binary,
}

/// An HTTP method the client can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
    /// `PATCH`.
    Patch,
    /// `OPTIONS`.
    Options,
    /// `HEAD`.
    Head,
    /// `TRACE`.
    Trace,
}

impl Method {
    /// The method as sent, upper case.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Patch => "PATCH",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Trace => "TRACE",
        }
    }
}

/// A path template, parsed: `/v1/accounts/{account_id}`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathTemplate {
    /// The template as written in the spec.
    pub source: String,
    /// Its segments between slashes, in order.
    pub segments: Vec<PathSegment>,
}

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq)]
pub enum PathSegment {
    /// Fixed text.
    Literal(String),
    /// The whole segment is a path parameter: its index in [`Operation::params`].
    Param(usize),
    /// Text and parameters in one segment (`thumbnail.{extension}`,
    /// `{base}...{head}`), in order; still one segment on the wire.
    Mixed(Vec<PathSegment>),
}

/// One operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `operationId`.
    pub id: String,
    /// The Rust method name, distinct from every other method of the client
    /// (filled in once all operations are read).
    pub rust_name: String,
    /// The name of the outcome enum, distinct from every type (filled in
    /// once all operations are read).
    pub outcome_name: String,
    /// The HTTP method.
    pub method: Method,
    /// The path template.
    pub path: PathTemplate,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Parameters in document order (path-level ones first).
    pub params: Vec<Param>,
    /// The request body.
    pub body: Option<Body>,
    /// Responses in document order.
    pub responses: Vec<Response>,
    /// The `Accept` header, when not just `application/json`: every media
    /// type its responses document, the preferred first.
    pub accept: Option<String>,
    /// The security alternatives the client picks from, in order: each the
    /// schemes applied together. An empty alternative (credentials are
    /// optional) comes last; no alternatives at all: no credentials are
    /// sent. Every scheme named is among [`Api::security_schemes`].
    pub security: Vec<Vec<SchemeUse>>,
    /// JSON pointer of the operation.
    pub pointer: String,
    /// The header the client fills with an idempotency key (a convention;
    /// a declared parameter of that name is not among `params`).
    pub idempotency_header: Option<String>,
    /// The header that carries the caller's correlation id (a convention;
    /// a declared parameter of that name is not among `params`).
    pub correlation_header: Option<String>,
    /// The schema of the declared correlation header, which
    /// `CallOptions::correlation_id` is checked against before sending.
    pub correlation_shape: Option<Shape>,
    /// The header of the partner account scheme, when the operation's
    /// security allows acting on behalf of another account.
    pub partner_account_header: Option<String>,
}

/// A security scheme of the document (`components/securitySchemes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityScheme {
    /// Its key under `components/securitySchemes`.
    pub name: String,
    /// How its credential goes on the wire.
    pub kind: SchemeKind,
    /// Its description.
    pub doc: Option<String>,
}

/// How a security scheme's credential goes on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeKind {
    /// `apiKey`: the key as given, in a header, query parameter or cookie.
    ApiKey {
        /// Where it goes.
        location: KeyLocation,
        /// The header, query parameter or cookie name.
        name: String,
    },
    /// `http` `basic`: `Authorization: Basic <base64 of user:password>`.
    Basic,
    /// An `apiKey` in header `Authorization` that the conventions read as
    /// HTTP Basic credentials as issued: `Authorization: Basic <key>`
    /// (Klarna's API key).
    BasicKey,
    /// `http` `bearer`: `Authorization: Bearer <token>`.
    Bearer {
        /// `bearerFormat`, documentation only.
        format: Option<String>,
    },
    /// Another `http` scheme: `Authorization: <scheme> <credential>`.
    Http {
        /// The scheme name as written.
        scheme: String,
    },
    /// `oauth2`: an access token, sent as a bearer token.
    OAuth2,
    /// `openIdConnect`: a token, sent as a bearer token.
    OpenIdConnect {
        /// `openIdConnectUrl`.
        url: String,
    },
}

impl SchemeKind {
    /// What the caller gives and how it is sent, for docs: "API key in
    /// header `X-Api-Key`".
    pub fn describe(&self) -> String {
        match self {
            SchemeKind::ApiKey { location, name } => {
                let place = match location {
                    KeyLocation::Header => "header",
                    KeyLocation::Query => "query parameter",
                    KeyLocation::Cookie => "cookie",
                };
                format!("API key in {place} `{name}`")
            }
            SchemeKind::Basic => "HTTP basic: user and password".to_owned(),
            SchemeKind::BasicKey => "API key sent as `Authorization: Basic <key>`".to_owned(),
            SchemeKind::Bearer { format: Some(format) } => format!("bearer token ({format})"),
            SchemeKind::Bearer { format: None } => "bearer token".to_owned(),
            SchemeKind::Http { scheme } => format!("`Authorization: {scheme} <credential>`"),
            SchemeKind::OAuth2 => "OAuth 2 access token, sent as a bearer token".to_owned(),
            SchemeKind::OpenIdConnect { .. } => "OpenID Connect token, sent as a bearer token".to_owned(),
        }
    }
}

/// Where an API key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// One scheme of a security alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeUse {
    /// The scheme's name (a key of `components/securitySchemes`).
    pub scheme: String,
    /// The OAuth 2 or OpenID Connect scopes (or roles) the operation asks for.
    pub scopes: Vec<String>,
}

/// One callback (webhook) the API sends to the partner.
#[derive(Debug, Clone)]
pub struct Webhook {
    /// The callback's key on its operation (`customerTokenRevoked`).
    pub name: String,
    /// The Rust name of its variant.
    pub rust_name: String,
    /// The operation it belongs to.
    pub operation_id: String,
    /// Other operations whose callback of the same name delivers the same
    /// payload and headers: one webhook, not one per operation.
    pub also_on: Vec<String>,
    /// The request headers Klarna sends with the callback (`Klarna-Signature`).
    pub headers: Vec<Param>,
    /// Summary or description of the callback.
    pub doc: Option<String>,
    /// The payload shape.
    pub body: Shape,
    /// Whether the callback is deprecated.
    pub deprecated: bool,
    /// The `metadata.event_type` values that select this callback
    /// (`x-klarna-event-types` on the callback operation), in spec order.
    pub event_types: Vec<String>,
}
