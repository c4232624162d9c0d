//! Klarna's v1 regions.

use super::config::Environment;

/// A region of Klarna's v1 APIs (Customer Token). Each has its own hosts,
/// keys and data; the partner APIs (v2) have one global host instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// Europe: `api.klarna.com`, test `api.playground.klarna.com`.
    Europe,
    /// North America: `api-na.klarna.com`, test `api-na.playground.klarna.com`.
    NorthAmerica,
    /// Oceania: `api-oc.klarna.com`, test `api-oc.playground.klarna.com`.
    Oceania,
}

impl Region {
    fn prefix(self) -> &'static str {
        match self {
            Region::Europe => "api",
            Region::NorthAmerica => "api-na",
            Region::Oceania => "api-oc",
        }
    }
}

impl Environment {
    /// The live environment of a v1 API (Customer Token) in `region`.
    pub fn live_v1(region: Region) -> Environment {
        Environment::Custom(format!("https://{}.klarna.com", region.prefix()))
    }

    /// The test (playground) environment of a v1 API in `region`.
    pub fn test_v1(region: Region) -> Environment {
        Environment::Custom(format!("https://{}.playground.klarna.com", region.prefix()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_regions_have_their_hosts() {
        let host = |e: Environment| match e {
            Environment::Custom(url) => url,
            other => panic!("{other:?}"),
        };
        assert_eq!(host(Environment::live_v1(Region::Europe)), "https://api.klarna.com");
        assert_eq!(host(Environment::live_v1(Region::NorthAmerica)), "https://api-na.klarna.com");
        assert_eq!(host(Environment::live_v1(Region::Oceania)), "https://api-oc.klarna.com");
        assert_eq!(host(Environment::test_v1(Region::Europe)), "https://api.playground.klarna.com");
        assert_eq!(host(Environment::test_v1(Region::NorthAmerica)), "https://api-na.playground.klarna.com");
        assert_eq!(host(Environment::test_v1(Region::Oceania)), "https://api-oc.playground.klarna.com");
    }
}
