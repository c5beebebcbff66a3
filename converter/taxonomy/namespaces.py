"""Namespaces, schema URLs and the type-namespace table shared by the taxonomy code."""

from __future__ import annotations

from dataclasses import dataclass

XSD_NS = "{http://www.w3.org/2001/XMLSchema}"
# the axis an equity statement's component columns are members of
EQUITY_AXIS = "us-gaap:StatementEquityComponentsAxis"


@dataclass(frozen=True)
class TaxonomyNamespace:
    """One published schema: its namespace, the URL instances import, and the local path
    the stand-in package stores it under (relative to the package root)."""

    prefix: str
    namespace: str
    url: str
    local: str


US_GAAP_2025 = TaxonomyNamespace(
    "us-gaap",
    "http://fasb.org/us-gaap/2025",
    "https://xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd",
    "xbrl.fasb.org/us-gaap/2025/elts/us-gaap-2025.xsd",
)
US_TYPES_2025 = TaxonomyNamespace(
    "us-types",
    "http://fasb.org/us-types/2025",
    "https://xbrl.fasb.org/us-gaap/2025/elts/us-types-2025.xsd",
    "xbrl.fasb.org/us-gaap/2025/elts/us-types-2025.xsd",
)
# EDGAR accepts US-GAAP 2025 only with DEI 2025 and SRT 2025 (taxonomy-compatibility.json).
# Their official files are not in the shared sources: the index declares DEI 2025 concepts
# from DEI 2021 and SRT 2025 concepts from SRT 2024 (see taxonomy/README.md), each marked
# with the version it was read from.
DEI_2025 = TaxonomyNamespace(
    "dei",
    "http://xbrl.sec.gov/dei/2025",
    "https://xbrl.sec.gov/dei/2025/dei-2025.xsd",
    "xbrl.sec.gov/dei/2025/dei-2025.xsd",
)
SRT_2025 = TaxonomyNamespace(
    "srt",
    "http://fasb.org/srt/2025",
    "https://xbrl.fasb.org/srt/2025/elts/srt-2025.xsd",
    "xbrl.fasb.org/srt/2025/elts/srt-2025.xsd",
)
SRT_TYPES_2025 = TaxonomyNamespace(
    "srt-types",
    "http://fasb.org/srt-types/2025",
    "https://xbrl.fasb.org/srt/2025/elts/srt-types-2025.xsd",
    "xbrl.fasb.org/srt/2025/elts/srt-types-2025.xsd",
)
# US-GAAP, DEI and SRT 2025 use the 2022-03-31 Data Type Registry.
DTR_2022 = TaxonomyNamespace(
    "dtr-types",
    "http://www.xbrl.org/dtr/type/2022-03-31",
    "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd",
    "www.xbrl.org/dtr/type/2022-03-31/types.xsd",
)

# Item types the XBRL 2.1 instance schema itself defines.
XBRLI_TYPES = frozenset(
    """monetaryItemType sharesItemType pureItemType decimalItemType floatItemType
    doubleItemType integerItemType nonPositiveIntegerItemType negativeIntegerItemType
    longItemType intItemType shortItemType byteItemType nonNegativeIntegerItemType
    unsignedLongItemType unsignedIntItemType unsignedShortItemType unsignedByteItemType
    positiveIntegerItemType fractionItemType stringItemType booleanItemType
    hexBinaryItemType base64BinaryItemType anyURIItemType QNameItemType durationItemType
    dateTimeItemType timeItemType dateItemType gYearMonthItemType gYearItemType
    gMonthDayItemType gDayItemType gMonthItemType normalizedStringItemType tokenItemType
    languageItemType NameItemType NCNameItemType""".split()
)

# Numeric types of the Data Type Registry, with the xbrli type each restricts.
DTR_NUMERIC_TYPES = {
    "percentItemType": "xbrli:pureItemType",
    "perShareItemType": "xbrli:decimalItemType",
    "perUnitItemType": "xbrli:decimalItemType",
    "areaItemType": "xbrli:decimalItemType",
    "volumeItemType": "xbrli:decimalItemType",
    "massItemType": "xbrli:decimalItemType",
    "weightItemType": "xbrli:decimalItemType",
    "energyItemType": "xbrli:decimalItemType",
    "powerItemType": "xbrli:decimalItemType",
    "lengthItemType": "xbrli:decimalItemType",
    "flowItemType": "xbrli:decimalItemType",
    "memoryItemType": "xbrli:decimalItemType",
}
# Non-numeric DTR types; gYearListItemType is a list type and is special-cased.
DTR_STRING_TYPES = ("domainItemType", "textBlockItemType", "escapedItemType")
DTR_LIST_TYPES = ("gYearListItemType",)
