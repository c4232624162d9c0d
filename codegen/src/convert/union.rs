//! `anyOf` / `oneOf` -> a union: one named variant per member, and the tags
//! of its `discriminator` (see [`super::discriminator`]).

use openapiv3::{Discriminator, ReferenceOr, Schema};

use super::schema::shape_has_own_rules;
use super::Converter;
use crate::error::Result;
use crate::ir::{Ty, TypeDef, TypeKind, UnionDef, Variant};
use crate::naming;

impl Converter<'_> {
    /// The union `name` of `members` (under `keyword`, at `at`), tagged by
    /// `discriminator` when the schema has one.
    pub(super) fn union_def(
        &mut self,
        name: &str,
        members: &[ReferenceOr<Schema>],
        keyword: &str,
        discriminator: Option<&Discriminator>,
        at: &str,
    ) -> Result<UnionDef> {
        let mut variants = self.union_variants(name, members, keyword, at)?;
        let Some(discriminator) = discriminator else {
            return Ok(UnionDef { variants, discriminator: None });
        };
        let tags = self.spec_tags(members, discriminator, keyword, at);
        for (variant, tags) in variants.iter_mut().zip(tags) {
            variant.tags = tags;
        }
        Ok(UnionDef { variants, discriminator: Some(discriminator.property_name.clone()) })
    }

    /// One variant per member, named after the component it refers to, or
    /// for an inline member `Variant<N>` (its position, from 1) when it is
    /// an object, enum or union (held as `<Union>Variant<N>`), and after its
    /// kind otherwise (`IdOrName::Integer(IdOrNameInteger)`). Repeats get a
    /// number (`String`, `String2`), so names are distinct and follow
    /// document order.
    fn union_variants(
        &mut self,
        name: &str,
        members: &[ReferenceOr<Schema>],
        keyword: &str,
        at: &str,
    ) -> Result<Vec<Variant>> {
        let mut variants = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let member_at = format!("{at}/{keyword}/{i}");
            let position = format!("Variant{}", i + 1);
            let shape = self.shape(member, &format!("{name}{position}"), &member_at)?;
            match shape.ty {
                Ty::Named(type_name) if !shape.nullable => {
                    let variant = match member {
                        ReferenceOr::Reference { .. } => type_name.clone(),
                        ReferenceOr::Item(_) => position,
                    };
                    variants.push((variant, type_name));
                }
                // An inline scalar, array or nullable member gets a name of
                // its own, after its kind.
                _ => {
                    let kind_name = kind_word(&shape.ty);
                    let kind =
                        if shape_has_own_rules(&shape) { TypeKind::Newtype(shape) } else { TypeKind::Alias(shape) };
                    let def = TypeDef::new(format!("{name}{kind_name}"), &member_at, kind);
                    let type_name = self.insert_type(def, true)?;
                    variants.push((kind_name.to_owned(), type_name));
                }
            }
        }
        let variant_names = naming::dedupe(variants.iter().map(|(variant, _)| variant.clone()).collect());
        Ok(variant_names
            .into_iter()
            .zip(variants)
            .map(|(name, (_, type_name))| Variant { name, type_name, tags: Vec::new(), boxed: false })
            .collect())
    }
}

/// The word naming an inline union member after its kind.
fn kind_word(ty: &Ty) -> &'static str {
    match ty {
        Ty::Named(_) => "Named",
        Ty::String => "String",
        Ty::I32 | Ty::I64 => "Integer",
        Ty::F64 => "Number",
        Ty::Bool => "Boolean",
        Ty::Array(_) => "Array",
        Ty::Map(_) | Ty::JsonObject => "Object",
        Ty::Json => "Value",
        Ty::Bytes => "Bytes",
    }
}
