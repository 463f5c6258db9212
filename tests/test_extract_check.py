"""Claim check: a document's index figures against the indicators table (a synthetic table written here)."""

from __future__ import annotations

import math

import pandas as pd

from cchc_research.extract import check_claims, claims_frame, extract_claims
from cchc_research.extract.documents import CSV_COLUMNS


def indicators() -> pd.DataFrame:
    """SYNTHETIC indicator rows (invented values), primary and not."""
    rows = [("49", "Quảng Nam", 2022, "PAR_INDEX", "total", 84.56, 41, True),
            ("49", "Quảng Nam", 2022, "PAR_INDEX", "total", 80.00, 50, False),  # not primary: never compared
            ("49", "Quảng Nam", 2022, "SIPAS", "total", 81.20, None, True),
            ("49", "Quảng Nam", 2021, "PAR_INDEX", "field_3", math.nan, 12, True)]
    return pd.DataFrame(rows, columns=["province_code", "province", "year", "family", "measure", "value", "rank",
                                       "primary"]).astype({"rank": "Int64"})


TEXT = ("Chỉ số PCI của Quảng Nam đạt 66 điểm. "  # first: no year is named before it, in this sentence or earlier
        "Năm 2022, Chỉ số CCHC của Quảng Nam đạt 84,56%, xếp thứ 40/63. "
        "Năm 2022, Chỉ số SIPAS của Quảng Nam đạt 81,2%. "
        "Năm 2022, Chỉ số SIPAS của Quảng Nam đạt 81,26%. "
        "Năm 2021, lĩnh vực cải cách TTHC của Quảng Nam đạt 12,5 điểm, xếp thứ 12/63. "
        "Năm 2020, Chỉ số CCHC của Quảng Nam đạt 83%. "
        "Phấn đấu năm 2022 Chỉ số CCHC của Quảng Nam đạt 90%. "
        "Năm 2022, Quảng Nam tiếp nhận 12.345 hồ sơ.")


def test_outcomes_and_tolerance():
    result = check_claims(claims_frame(extract_claims(TEXT, {"file": "qn.txt"})), indicators())
    got = [(r.family, r.measure, None if pd.isna(r.year) else r.year, r.kind, r.outcome) for r in result.itertuples()]
    assert got == [
        ("PCI", "total", None, "score", "cannot check"),             # the claim names no year
        ("PAR_INDEX", "total", 2022, "percent", "agree"),
        ("PAR_INDEX", "total", 2022, "rank", "disagree"),            # 40 vs 41
        ("SIPAS", "total", 2022, "percent", "agree"),                # 81,2 vs 81.20: equal at one decimal
        ("SIPAS", "total", 2022, "percent", "disagree"),             # 81,26 vs 81.20 at two decimals
        ("PAR_INDEX", "field_3", 2021, "score", "cannot check"),     # the table has a rank but no value
        ("PAR_INDEX", "field_3", 2021, "rank", "agree"),
        ("PAR_INDEX", "total", 2020, "percent", "cannot check"),     # no row for 2020
    ]  # the target and the dossier count are not index claims
    assert result["tolerance"].tolist()[1:5] == [0.005, 0.0, 0.05, 0.005]
    row = result.iloc[2]
    assert (row["claimed_rank"], row["index_rank"]) == (40, 41)
    assert (result.iloc[1]["claimed_value"], result.iloc[1]["index_value"]) == (84.56, 84.56)


def test_bounds_and_averages_are_not_checked():
    text = "Năm 2022, Chỉ số SIPAS của Quảng Nam đạt trên 81%. Chỉ số CCHC trung bình của tỉnh năm 2022 đạt 84,56%."
    assert check_claims(claims_frame(extract_claims(text, {"file": "qn.txt"})), indicators()).empty


def test_check_reads_the_cli_csv_columns_too():
    frame = claims_frame(extract_claims(TEXT, {"file": "qn.txt"}))[CSV_COLUMNS]
    result = check_claims(frame, indicators())
    assert result["outcome"].tolist()[1:4] == ["agree", "disagree", "agree"]
