"""Sentence templates of the report notebooks, in Vietnamese and English (filled by `Labels.t`).

Fields are computed values; no template holds a figure of its own.
"""

PROSE: dict[str, dict[str, str]] = {
    "vi": {
        "tables_heading": "## Bảng số liệu",
        "status": "Trạng thái",
        "source_type": "Loại nguồn",
        "target": "Chỉ tiêu",
        "deadline": "Hạn",
        "match": "Mức tương ứng",
        "n_observed": "Số tỉnh có số liệu",
        "n_expected": "Tổng số tỉnh",
        "national_value": "Trung bình cả nước (báo chí)",
        "status_single": "một nguồn",
        "status_agreed": "các nguồn khớp nhau",
        "status_conflict-selected": "mâu thuẫn, được chọn",
        "status_conflict-rejected": "mâu thuẫn, bị loại",
        "status_conflict-unresolved": "mâu thuẫn, chưa xử lý",
        "match_direct": "trực tiếp",
        "match_proxy": "gần đúng",
        # province profile
        "profile_title": "# Hồ sơ cải cách hành chính: {province}",
        "profile_fig_percentile": "{province}: bách phân vị trong cả nước (100 = cao nhất), PAPI và PCI",
        "profile_fig_trajectory": "{province}: {family}, điểm tổng hợp so với cả nước",
        "profile_fig_dimensions": "{province}: các nội dung PAPI năm {year}",
        "profile_dimensions": "Năm {year}, tỉnh cao hơn trung vị cả nước ở {n_above}/{n_dims} nội dung PAPI: "
                              "{above}.",
        "profile_coverage_n": "số chỉ tiêu có số liệu của {province} theo năm",
        "profile_fig_coverage": "{province}: số chỉ tiêu có số liệu theo bộ chỉ số và năm",
        "profile_ranks_heading": "### Thứ hạng PAPI (tính từ điểm, các năm đủ số liệu): cả nước và vùng {region}",
        "profile_peers": "### Tỉnh tương đồng\nCác tỉnh có cơ cấu điểm {n} nội dung PAPI năm {year} gần "
                         "{province} nhất (khoảng cách Euclid trên thang điểm công bố). Tỉnh dẫn đầu PAPI năm "
                         "{best_year}: {best} ({best_value} điểm).",
        "profile_region_table": "Xếp hạng PAPI trong vùng {region}, năm {year} ({n} tỉnh có số liệu):",
        "profile_ci": "Năm {year}, khoảng tin cậy 95% của điểm PAPI là [{low}; {high}] và chồng lấn với "
                      "khoảng tin cậy của {k}/{n} tỉnh khác: với các tỉnh này, chênh lệch điểm chưa đủ để "
                      "phân biệt thứ hạng.",
        "profile_reported": "### Số liệu báo chí và văn bản công bố ({n} số liệu về {province})\n"
                            "PAR INDEX, SIPAS, DTI và PCI từ 2022 chỉ có các số liệu được trích dẫn; các số liệu "
                            "mâu thuẫn được giữ song song kèm cách xử lý (xem báo cáo chất lượng dữ liệu). Số liệu "
                            "không có con số được giữ làm bằng chứng.",
        "targets_intro": "### Chỉ tiêu của chương trình tổng thể\n{n_observed}/{n_targets} chỉ tiêu có số "
                         "liệu cấp tỉnh để đối chiếu ({measures}); các chỉ tiêu còn lại không có số liệu "
                         "theo tỉnh. Số liệu cấp tỉnh chỉ là một phần nhỏ trong 63 tỉnh (cột số tỉnh có "
                         "số liệu).",
        # compare provinces
        "change": "Thay đổi",
        "improved": "Tăng",
        "compare_region": "các tỉnh vùng {region}",
        "compare_title": "# So sánh {scope}: {measure}",
        "compare_latest": "Năm {year} có số liệu của {n}/{n_chosen} tỉnh được chọn: cao nhất là {best} "
                          "({best_value}), thấp nhất là {worst} ({worst_value}).",
        "compare_fig_values": "{scope}: {family}, giá trị theo năm so với cả nước",
        "compare_fig_ranks": "{scope}: {family}, thứ hạng trong cả nước (1 = cao nhất)",
        # programme periods
        "periods_title": "# Hai giai đoạn chương trình tổng thể CCHC: {measure}\n{family_long}",
        "periods_fig_distribution": "{measure}: phân bố giữa các tỉnh theo năm",
        "periods_corr": "Tương quan thứ hạng giữa hai giai đoạn ({n} tỉnh): Spearman ρ = {rho} ({p_rho}), "
                        "Kendall τ = {tau} ({p_tau}).",
        "periods_stability": "Thứ hạng giữa các tỉnh thay đổi nhiều nhất từ {year_a} sang {year_b}: Spearman "
                             "ρ = {rho} ({p}, {n} tỉnh), trong khi trung vị của {k} bước liền kề khác là ρ = "
                             "{median}{across}.",
        "periods_stability_across": " (bước này đi qua một lần thay đổi phương pháp)",
        "periods_fig_stability": "Độ ổn định của thứ hạng: tương quan với năm có số liệu liền trước",
        "rho_previous": "Spearman ρ với năm liền trước",
        "n_steps": "{n} cặp năm liền kề; {lo}–{hi} tỉnh mỗi cặp",
        "periods_fig_scatter": "Giai đoạn 2011–2020 và 2021–2030 ({basis}); đường chéo: không đổi",
        "basis_short_level": "mức điểm",
        "basis_short_percentile": "bách phân vị",
        "basis_short_rank": "trung vị hạng",
        "periods_table": "### So sánh theo tỉnh ({basis})",
        "periods_year_corr": "### Tương quan thứ hạng giữa các năm liền kề",
        "same_methodology": "Cùng phương pháp",
        # national overview
        "overview_title": "# Tổng quan toàn quốc",
        "overview_rule": "Chỉ các năm đủ số liệu (ít nhất 90% số tỉnh có điểm, config/coverage.yml) được dùng "
                         "cho phân bố, hội tụ và bảng xếp hạng; năm chưa đủ số liệu chỉ hiện các điểm được trích dẫn.",
        "overview_no_complete": "{family}: không có năm nào đủ số liệu hay bảng xếp hạng đầy đủ, nên không có phân bố "
                                "hay xếp hạng cả nước.",
        "overview_ranking_only": "{family}: năm {year} có bảng xếp hạng chính thức đủ {n} tỉnh nhưng chỉ {n_values} "
                                 "tỉnh có điểm công bố; dẫn đầu là {best}. Chỉ dùng thứ hạng, không tính trung vị hay "
                                 "phân bố điểm.",
        "overview_family": "Năm {year} dẫn đầu là {best} ({value}; {n} tỉnh có số liệu). Hệ số biến thiên giữa các tỉnh "
                           "({era}) từ {cv_start} ({start}) đến {cv_end} ({end}).",
        "overview_beta": "Hội tụ beta {start}–{end}: hệ số {slope} ({n} tỉnh, {p}); {verdict}",
        "beta_converging": "các tỉnh xuất phát thấp tăng nhanh hơn (hội tụ).",
        "beta_diverging": "các tỉnh xuất phát cao tăng nhanh hơn (phân kỳ).",
        "beta_none": "không đủ bằng chứng về hội tụ hay phân kỳ.",
        "overview_fig_distribution": "{family}: phân bố điểm tổng hợp của các tỉnh theo năm",
        "beta_initial": "Điểm năm {year}",
        "beta_gain": "Mức tăng bình quân năm {start}–{end}",
        "overview_fig_beta": "{family}: hội tụ beta {start}–{end}",
        "cv": "Hệ số biến thiên (độ lệch chuẩn / trung bình)",
        "overview_fig_sigma": "Hội tụ sigma: độ phân tán giữa các tỉnh theo năm",
        "overview_ranking": "### Bảng xếp hạng {family} năm {year} ({n} tỉnh; {how})",
        "ranking_computed": "tính từ điểm; các tỉnh bằng điểm khi làm tròn {digits} chữ số thập phân cùng hạng, ví dụ 31=",
        "ranking_published": "bảng xếp hạng chính thức",
        "overview_missing": ". Không có số liệu: {missing}.",
        "rank_prev": "Hạng năm {year}",
        "overview_best": "### {family}: tỉnh dẫn đầu từng năm",
        # data quality
        "quality_title": "# Chất lượng dữ liệu",
        "quality_coverage_n": "số tỉnh có điểm tổng hợp theo bộ chỉ số và năm",
        "quality_fig_coverage": "Độ phủ: số tỉnh có điểm tổng hợp",
        "quality_not_validated": "Chưa có kết quả kiểm định cho dữ liệu này.",
        "quality_validation": "Kiểm định gồm {n} điều kiện: {errors} lỗi, {warnings} cảnh báo (lúc {when}).",
        "table": "Bảng",
        "rows": "Số dòng",
        "expectations": "Số điều kiện",
        "failed_error": "Lỗi",
        "failed_warning": "Cảnh báo",
        "expectation": "Điều kiện",
        "severity": "Mức độ",
        "description": "Mô tả",
        "unexpected": "Số dòng không đạt",
        "examples": "Ví dụ",
        "quality_conflicts": "### Số liệu mâu thuẫn\n{n} trường hợp mâu thuẫn ({n_rows} số liệu); "
                             "{open} số liệu còn để mở.",
        "conflict": "Mâu thuẫn",
        "resolution": "Cách xử lý",
        "quality_gaps": "### Thiếu số liệu từ nguồn ({n} năm đủ số liệu có tỉnh thiếu, đã ghi nhận trong "
                        "config/completeness.yml)",
        "missing": "Tỉnh thiếu",
        "quality_flags": "### Các điểm làm sạch đã ghi nhận ({n})",
        "flag": "Loại",
        "file": "Tệp",
        "detail": "Chi tiết",
        # maps (publish/maps.py)
        "map_licence": "Bản đồ theo giấy phép CC BY-SA 4.0.",
        "map_islands_note": "Ô nhỏ: quần đảo Hoàng Sa (thành phố Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa).",
        "map_hoang_sa": "Quần đảo\nHoàng Sa",
        "map_truong_sa": "Quần đảo\nTrường Sa",
        "map_none": "không có",
        "map_missing": "Không có số liệu ({n})",
        "map_missing_short": "Không có số liệu",
        "map_legend_quartiles": "Nhóm tứ phân vị (số tỉnh, khoảng điểm)",
        "map_group_papi_4": "Nhóm đạt điểm cao nhất",
        "map_group_papi_3": "Nhóm đạt điểm trung bình cao",
        "map_group_papi_2": "Nhóm đạt điểm trung bình thấp",
        "map_group_papi_1": "Nhóm đạt điểm thấp nhất",
        "map_group_4": "25% cao nhất",
        "map_group_3": "Trên trung vị",
        "map_group_2": "Dưới trung vị",
        "map_group_1": "25% thấp nhất",
        "map_group_range": "{group}: {n} tỉnh, {lo}–{hi}",
        "map_quoted": "Có số liệu trích dẫn ({n})",
        "map_title_choropleth": "{measure} năm {year}: bốn nhóm tứ phân vị của {n} tỉnh, thành phố",
        "map_title_quoted": "{measure} năm {year}: số liệu trích dẫn của {n}/{n_expected} tỉnh (không chia nhóm)",
        "map_title_multiples": "{measure}: nhóm tứ phân vị theo từng năm đủ số liệu",
        "map_title_merger": "63 tỉnh, thành phố hợp thành 34 từ ngày 1/7/2025",
        "map_title_locator": "{province}: vị trí; từ ngày 1/7/2025 thuộc {new} (viền đậm)",
        "map_title_members": "{province} từ ngày 1/7/2025, hợp thành từ {members}",
        "map_merger_1": "Giữ nguyên ({n})",
        "map_merger_k": "Hợp nhất từ {k} tỉnh ({n})",
        "map_merger_count": "{n} đơn vị hợp nhất từ {k} tỉnh",
        "map_old_lines": "Ranh giới 63 tỉnh cũ",
        "map_alt_choropleth": "Bản đồ {measure} năm {year} của {n} tỉnh, thành phố có số liệu, tô theo bốn nhóm "
                              "tứ phân vị. {top_group}: {top}. {bottom_group}: {bottom}.",
        "map_alt_missing": "Không có số liệu (gạch chéo, màu xám): {names}.",
        "map_alt_quoted": "Bản đồ {measure} năm {year}: chỉ {n}/{n_expected} tỉnh có số liệu trích dẫn ({names}); "
                          "các tỉnh khác gạch chéo là không có số liệu.",
        "map_alt_multiples": "Bản đồ nhỏ {measure} trong {k} năm đủ số liệu ({years}), mỗi tỉnh tô theo nhóm tứ "
                             "phân vị của năm đó. Luôn ở nhóm cao nhất: {always_top}. Luôn ở nhóm thấp nhất: "
                             "{always_bottom}.",
        "map_alt_merger": "Bản đồ {n_new} tỉnh, thành phố từ ngày 1/7/2025 trên nền ranh giới {n_old} tỉnh cũ: "
                          "{kept} đơn vị giữ nguyên; {merged}.",
        "map_alt_locator": "Bản đồ vị trí {province} (vùng {region}); từ ngày 1/7/2025 thuộc {new} (viền đậm) cùng "
                           "{partners}.",
        "map_title_locator_former": "{province}: vị trí trên bản đồ 2004–2008; nhập vào {new} từ {date}",
        "map_alt_locator_former": "Bản đồ vị trí {province} (vùng {region}) trên bản đồ các tỉnh 2004–2008; từ {date} "
                                  "thuộc {new} (viền đậm).",
        "map_alt_locator_single": "Bản đồ vị trí {province} (vùng {region}); từ ngày 1/7/2025 giữ nguyên ranh "
                                  "giới, là {new} (viền đậm).",
        "map_alt_members": "Bản đồ {province} từ ngày 1/7/2025, hợp thành từ {members}, rộng khoảng {area} km²; "
                           "ô nhỏ: vị trí trong cả nước.",
        "map_alt_members_single": "Bản đồ {province} từ ngày 1/7/2025: giữ nguyên ranh giới của {members}, rộng "
                                  "khoảng {area} km²; ô nhỏ: vị trí trong cả nước.",
        # province from 2025 (notebooks/province_2025.ipynb)
        "p25_title": "# {province} từ ngày 1/7/2025: các tỉnh hợp thành qua hai chương trình cải cách hành chính",
        "p25_findings": "## Những điểm chính",
        "p25_members": "**{province}** hợp thành từ {k} tỉnh, thành phố theo Nghị quyết 202/2025/QH15: {members} "
                       "(khoảng {area} km²). Các số liệu dưới đây là của từng tỉnh cũ; chỉ số liệu công bố cho "
                       "chính {province} mới là số liệu của tỉnh mới.",
        "p25_single": "**{province}** giữ nguyên ranh giới của {members} theo Nghị quyết 202/2025/QH15 (khoảng "
                      "{area} km²); các số liệu dưới đây là của tỉnh này trước ngày 1/7/2025.",
        "p25_official": "**Số liệu công bố cho chính {province}** (xếp hạng 34 tỉnh, thành phố): {figures}.",
        "p25_official_item": "{family} {year} hạng {rank}/{rank_of}{value}",
        "p25_official_none": "Chưa có bộ chỉ số nào trong dữ liệu này công bố số liệu cho {province} như một trong "
                             "34 tỉnh, thành phố; các phần dưới là số liệu của các tỉnh cũ.",
        "p25_family_finding": "**{family} {year}** (hạng trong cả nước, {n} tỉnh có số liệu{missing}): {ranks}.",
        "p25_missing": "; không có số liệu: {names}",
        "p25_gap": "Chênh lệch {family} giữa tỉnh dẫn đầu và tỉnh cuối (điểm bách phân vị cả nước): trung bình "
                   "{gap_a} trong giai đoạn 2011–2020 ({n_a} năm đủ số liệu) và {gap_b} trong giai đoạn 2021–2030 "
                   "({n_b} năm); năm {year}: {gap} ({leader} dẫn đầu, {trailer} cuối).",
        "p25_gap_one": "Chênh lệch {family} giữa tỉnh dẫn đầu và tỉnh cuối năm {year}: {gap} điểm bách phân vị "
                       "({leader} dẫn đầu, {trailer} cuối; {n} năm đủ số liệu).",
        "p25_quoted": "PAR INDEX và SIPAS chỉ có số liệu được trích dẫn: {items}.",
        "p25_quoted_item": "{province} – {family} {year}: {value}{rank}",
        "p25_quoted_rank": " (hạng {rank} theo trích dẫn)",
        "p25_quoted_rank_only": "hạng {rank} theo trích dẫn, không có điểm",
        "p25_official_heading": "## Số liệu công bố cho chính {province}",
        "p25_family_heading": "## {family}",
        "p25_fig_values": "{family}: các tỉnh hợp thành {province} so với cả nước",
        "p25_fig_percentiles": "{family}: bách phân vị trong cả nước của các tỉnh hợp thành {province} (100 = cao nhất)",
        "p25_band_note": "Dải cả nước chỉ tính trên các năm đủ số liệu ({years}).",
        "p25_quoted_only": "{family} không có năm nào đủ số liệu cả nước: biểu đồ chỉ cho thấy các số liệu được "
                           "trích dẫn, không có dải cả nước, thứ hạng hay khoảng cách tính toán.",
        "p25_standing": "### Bách phân vị trong cả nước theo giai đoạn (các năm đủ số liệu)",
        "p25_spread": "### Chênh lệch giữa các tỉnh hợp thành, theo năm",
        "p25_mean": "### Trung bình của các tỉnh hợp thành: số liệu tự tính, không phải số liệu chính thức",
        "p25_mean_method": "Cách tính: trung bình cộng không trọng số của điểm công bố của {k} tỉnh, chỉ trong những "
                           "năm cả {k} tỉnh đều có số liệu (cùng một phương pháp trong năm đó); không trọng số theo "
                           "dân số hay diện tích. Khi có số liệu chính thức cho {province}, số liệu đó được dùng.",
        "p25_quoted_heading": "## PAR INDEX và SIPAS: số liệu trích dẫn của từng tỉnh",
        "p25_quoted_none": "Không có số liệu PAR INDEX hay SIPAS nào được trích dẫn cho các tỉnh này.",
        "period": "Giai đoạn",
        "mean_percentile": "Bách phân vị trung bình",
        "n_years": "Số năm",
        "last_rank": "Hạng gần nhất",
        "gap_percentile": "Chênh lệch (điểm bách phân vị)",
        "gap_ranks": "Chênh lệch (bậc)",
        "leader": "Dẫn đầu",
        "trailer": "Cuối",
        "mean_constructed": "Trung bình (tự tính)",
        "lowest": "Thấp nhất",
        "highest": "Cao nhất",
        "n_members": "Số tỉnh",
        # province profile (issue 11)
        "profile_region": "**{province}** thuộc vùng {region}.",
        "profile_periods_heading": "### Hai chương trình tổng thể: 2011–2020 và 2021–2030",
        "profile_jumps": "**Biến động bất thường ({n})**: thay đổi lớn bất thường so với các tỉnh khác cùng năm, "
                         "hoặc trùng với lúc đổi nguồn số liệu; nên kiểm tra trước khi trích dẫn.",
        "n_percentile": "{n} giá trị bách phân vị; các năm đủ số liệu {years}",
        "profile_history_heading": "### {family}: điểm và thứ hạng công bố ({n} số liệu, {years})",
        "profile_fig_history": "{province}: {family}, điểm và thứ hạng theo năm",
        "profile_dimensions_none": "Năm {year}, tỉnh không cao hơn trung vị cả nước ở nội dung nào trong {n_dims} "
                                   "nội dung PAPI.",
        "profile_coverage_bar": "Số chỉ tiêu có số liệu",
        "papi_group": "Nhóm PAPI",
        "rank_ci": "Khoảng hạng (KTC 95%)",
        "profile_fields": "Điểm và hạng từng lĩnh vực PAR INDEX ({n} lĩnh vực; {years}):",
        "profile_new_unit": "#### Số liệu về {new} (đơn vị từ 1/7/2025)\n{n} số liệu tính cho đơn vị mới, không gán "
                            "cho tỉnh cũ: DTI 2024 xếp hạng cả 34 tỉnh, thành phố mới; Chỉ số 766 là ảnh chụp theo "
                            "tuần, không phải điểm năm.",
        "sr_heading": "### Tỉnh tự báo cáo",
        "sr_table": "Từng số liệu theo năm (cả hai giai đoạn), chỉ tiêu đặt cạnh kết quả; giới hạn giữ nguyên là giới "
                    "hạn (\"> 95 %\"); cột Lưu ý ghi số liệu chỉ một phần năm, một cấp hoặc trung tâm hành chính "
                    "công. Nguồn: bấm vào liên kết.",
        "sr_definitions": "Định nghĩa khác nhau giữa các tỉnh, không so sánh trực tiếp:",
        "sr_figure": "Số liệu",
        "sr_kind": "Loại",
        "sr_kind_result": "kết quả",
        "sr_kind_target": "chỉ tiêu",
        "sr_level": "Cấp",
        "sr_level_total": "toàn tỉnh",
        "sr_level_province": "cấp tỉnh",
        "sr_level_district": "cấp huyện",
        "sr_level_commune": "cấp xã",
        "sr_period": "Kỳ báo cáo (theo nguồn)",
        "sr_caveats": "Lưu ý",
        "claim_heading": "#### Tỉnh nói gì về các chỉ số: đối chiếu với bảng chỉ số",
        "claim_intro": "{n} phát biểu của {province} (cổng thông tin, báo của tỉnh hoặc văn bản) về điểm, hạng của "
                       "chính tỉnh trong các chỉ số, đặt cạnh bảng chỉ số: {agree} khớp, {disagree} không khớp, "
                       "{cannot} không kiểm tra được.",
        "claim_none": "Không có phát biểu nào của {province} về điểm, hạng của chính tỉnh trong các chỉ số để đối chiếu.",
        "claim_claimed": "Tỉnh nêu",
        "claim_index": "Bảng chỉ số",
        "claim_outcome": "Kết quả đối chiếu",
        "claim_agree": "khớp",
        "claim_disagree": "không khớp",
        "claim_cannot check": "không kiểm tra được",
        "claim_reason_self": "bảng chỉ số chỉ có chính số liệu này, không có nguồn độc lập",
        "claim_reason_none": "bảng chỉ số không có số liệu năm này",
        "claim_reason_kind": "một bên là điểm, một bên là hạng",
        "claim_reason_agree": "bằng nhau (giá trị theo độ chính xác tỉnh nêu, hạng chính xác; {source})",
        "claim_reason_disagree": "khác với {source}",
        "who_heading": "## Các tỉnh tự báo cáo gì",
        "who_intro": "Số liệu các tỉnh tự công bố về kết quả cải cách hành chính của mình ({n_rows} số liệu của "
                     "{n_provinces} tỉnh): đây không phải một chỉ số. Mỗi ô ghi các năm tỉnh có số liệu kết quả; ô "
                     "trống nghĩa là chưa tìm thấy trong các nguồn đã thu thập, không phải tỉnh không báo cáo.",
        "who_n": "Số chỉ tiêu",
        "who_compare": "#### So sánh giữa các tỉnh, chỉ khi cùng định nghĩa",
        "who_compare_none": "Không có chỉ tiêu và năm nào đủ hai tỉnh cùng định nghĩa để so sánh.",
        "target_text": "Chỉ tiêu (nguyên văn tiếng Việt)",
        "target_value": "Mức chỉ tiêu",
        "province_year": "Năm của tỉnh",
        "meets": "Đạt",
        "targets_series": "Chuỗi số liệu {measure} dùng để đối chiếu (mỗi năm một dòng):",
        "rank_basis_short_listed-order": " (thứ tự liệt kê)",
        "rank_basis_short_score-order": " (thứ tự điểm)",
        "prior_year": "Nguồn năm sau",
        "prior_year_short": "nêu lại năm sau",
        "as_of": "Thời điểm",
        "evidence": "Bằng chứng (số liệu không có con số)",
        # region pages (compare_provinces)
        "compare_intro": "{n} tỉnh, thành phố: {provinces}. Bộ chỉ số: {families}. Mỗi ô là một tỉnh so với "
                         "khoảng tứ phân vị cả nước (chỉ các năm đủ số liệu); năm chưa đủ số liệu là điểm rỗng.",
        "compare_family_heading": "## {family}",
        "compare_fig_published_ranks": "{scope}: {family}, hạng công bố theo năm (1 = cao nhất)",
        "n_ranks": "{n} thứ hạng công bố; {years}",
        "rank_colorbar": "Thứ hạng (1 = cao nhất)",
        "compare_group_improved": "Trong nhóm: {k}/{n} tỉnh có đủ các năm tăng.",
        "coverage_complete": "Năm đủ số liệu (ít nhất 90% số tỉnh có điểm): {years}.",
        "coverage_no_complete": "Không có năm nào đủ số liệu (ít nhất 90% số tỉnh có điểm).",
        "coverage_ranking": "Năm chỉ đủ bảng xếp hạng chính thức (không đủ điểm): {years}.",
        "coverage_partial": "Năm chỉ có số liệu trích dẫn: {years}.",
        "coverage_partial_year": "{year}: có điểm {n_values}, có điểm hoặc hạng {n_quoted} trên {n_expected} tỉnh",
        "caption_ranks_computed": "hạng tính từ điểm các năm đủ số liệu {years} ({lo}–{hi} tỉnh mỗi năm)",
        "caption_ranks_published": "hạng công bố các năm {years} (trong {n} tỉnh)",
        "years_used": "Năm dùng",
        "change_rank": "Thay đổi hạng (âm là tăng bậc)",
        "matched": "Đủ năm",
        # family pages (programme_periods)
        "periods_breaks": "Thay đổi phương pháp: {breaks}; mức điểm chỉ so sánh được trong cùng một phương pháp.",
        "periods_no_breaks": "Không có thay đổi phương pháp trong các năm này.",
        "periods_none": "{family} chưa có số liệu để so sánh hai giai đoạn.",
        "periods_jumps": "### Biến động bất thường ({n})\nThay đổi của một tỉnh so với năm trước lệch xa thay đổi "
                         "của các tỉnh khác cùng năm, hoặc trùng với lúc đổi nguồn số liệu ({family}):",
        "periods_coverage_table": "### Độ phủ theo năm (quy tắc trong config/coverage.yml)",
        "n_values": "Số tỉnh có điểm",
        "n_quoted": "Số tỉnh có điểm hoặc hạng",
        "year_status_complete": "đủ số liệu",
        "year_status_ranking": "chỉ đủ bảng xếp hạng",
        "year_status_partial": "chỉ có số liệu trích dẫn",
        # data quality (issue 11)
        "quality_rule": "Quy tắc độ phủ (config/coverage.yml): một năm đủ số liệu khi ít nhất {share}% số tỉnh "
                        "đang tồn tại năm đó có điểm; chỉ các năm này được dùng cho trung vị, tứ phân vị, hạng tính "
                        "từ điểm và hội tụ. Năm có bảng xếp hạng chính thức đủ (nhưng thiếu điểm) chỉ dùng cho thứ "
                        "hạng.",
        "quality_jumps": "### Biến động bất thường ({n})\nThay đổi so với năm trước lệch quá {sd} độ lệch chuẩn so "
                         "với thay đổi của các tỉnh khác cùng năm, hoặc quá {sd_source} độ lệch chuẩn khi nguồn số liệu "
                         "của tỉnh đổi (cùng phương pháp, ít nhất {min} tỉnh có số liệu hai năm):",
        "quality_collisions": "### Thứ hạng mâu thuẫn giữa các tỉnh ({n}, để mở)\nHai tỉnh cùng một hạng nhưng "
                              "điểm khác nhau, hoặc hạng ngược với điểm; cả hai số liệu được giữ như đã công bố.",
        "quality_listed": "### Thứ hạng không được nêu rõ ({n}; {n_listed} suy từ thứ tự liệt kê)\nCác hạng này được "
                          "đánh dấu ở mọi nơi chúng xuất hiện (điểm rỗng trên biểu đồ, ghi chú trong bảng).",
        "rank_basis": "Cách có hạng",
        "quality_apart": "### Số liệu giữ riêng ({n})\n{n_new} số liệu về các tỉnh, thành phố mới từ 1/7/2025 "
                         "(DTI 2024 xếp 34 đơn vị, Chỉ số 766 từ giữa năm 2025) không gán cho tỉnh cũ; {n_snapshots} "
                         "số liệu Chỉ số 766 là ảnh chụp theo tuần, ghi kèm thời điểm, không phải điểm năm.",
        # facts, ranks, comparisons (narrative.py)
        "and": "và",
        "merger_merged": "Từ ngày 1/7/2025, {province} sáp nhập với {others}, lấy tên là **{new}** (Nghị quyết "
                         "202/2025/QH15).",
        "merger_unmerged": "Ngày 1/7/2025, {province} không sáp nhập với tỉnh, thành phố nào và vẫn là **{new}** "
                           "(Nghị quyết 202/2025/QH15).",
        "rank_computed_of": "hạng {rank}/{n} tính từ điểm của {n} tỉnh có số liệu",
        "rank_missing": " (thiếu {missing})",
        "rank_official_complete": "hạng {rank}/{n} theo bảng xếp hạng chính thức đủ {n} tỉnh",
        "rank_published_of": "hạng {rank}/{n} theo số liệu công bố (năm chỉ có số liệu trích dẫn)",
        "rank_basis_listed-order": ", hạng suy từ thứ tự liệt kê trong bài viết",
        "rank_basis_score-order": ", hạng suy từ thứ tự các điểm được trích dẫn",
        "rank_short": "hạng {rank}",
        "quartile_group": "; thuộc {group} (PAPI xếp các tỉnh theo bốn nhóm tứ phân vị, không xếp hạng)",
        "quartile_1": "nhóm điểm cao nhất",
        "quartile_2": "nhóm trung bình cao",
        "quartile_3": "nhóm trung bình thấp",
        "quartile_4": "nhóm điểm thấp nhất",
        "rank_ci_range": "; theo khoảng tin cậy 95%, hạng có thể từ {best} đến {worst}",
        "standing_none": "- **{family}**: chưa có số liệu về tỉnh.",
        "standing_years": "- **{family}**: {n} năm có số liệu ({years}).",
        "standing_value": "Năm {year}: {value} điểm ({era})",
        "standing_no_value": "Năm {year}: chỉ có thứ hạng, không có điểm công bố ({era})",
        "published_top": "Từ {family} {first_year}, {producer} chỉ công bố điểm và hạng của {top} tỉnh dẫn đầu; "
                         "hạng thấp hơn chỉ có khi tỉnh tự công bố.",
        "cmp_windows_level": "**{family}, so sánh mức điểm**: {first} → {second}.",
        "cmp_windows_percentile": "**{family}, so sánh bách phân vị trong cả nước** (so sánh được qua các lần đổi "
                                  "phương pháp): {first} → {second}.",
        "cmp_windows_rank": "**{family}, so sánh hạng công bố** (mỗi hạng là thứ hạng trong tất cả các tỉnh "
                            "được xếp năm đó; hạng so sánh được qua các lần đổi phương pháp, điểm thì không): "
                            "{first} → {second}.",
        "cmp_single_year": "Giai đoạn {period} chỉ có một năm ({year}).",
        "cmp_province_none": "{province} không có số liệu trong các năm này.",
        "cmp_province_level": "{province}: điểm bình quân {first} ({years_first}) → {second} ({years_second}).",
        "cmp_province_percentile": "{province}: bách phân vị bình quân {first} ({years_first}) → {second} "
                                   "({years_second}); 100 là cao nhất.",
        "cmp_province_rank": "{province}: trung vị hạng {first} ({years_first}) → {second} ({years_second}).",
        "cmp_province_one_side": "{province} chỉ có số liệu trong một giai đoạn ({years}), nên không so sánh "
                                 "được hai giai đoạn.",
        "cmp_province_unmatched": "Tỉnh thiếu năm {missing}, nên không được tính trong thống kê cả nước.",
        "cmp_national_level": "Cả nước: {k}/{n} tỉnh có đủ các năm trên ({share}%) có điểm bình quân cao hơn ở "
                              "giai đoạn sau.",
        "cmp_national_percentile": "Cả nước: {k}/{n} tỉnh có đủ các năm trên ({share}%) có bách phân vị bình quân "
                                   "cao hơn ở giai đoạn sau.",
        "missing_years": "thiếu {years}",
        "cmp_left_out": "{n} tỉnh thiếu năm không được tính: {names}.",
        "quoted_note": "trích dẫn: {n}/{n_expected}",
        "quoted_mostly_top": ", phần lớn thuộc top {top}",
        "jump": "{family} {year_a}→{year_b}, {province}: {value_a} → {value_b} (thay đổi {change}, lệch {z} độ lệch "
                "chuẩn so với thay đổi của {n} tỉnh cùng năm)",
        "jump_source": "; trùng với lúc đổi nguồn số liệu ({source_a} → {source_b})",
    },
    "en": {
        "tables_heading": "## Tables",
        "status": "Status",
        "source_type": "Source type",
        "target": "Target",
        "deadline": "Deadline",
        "match": "Match",
        "n_observed": "Provinces with data",
        "n_expected": "Provinces",
        "national_value": "National average (news)",
        "status_single": "one source",
        "status_agreed": "sources agree",
        "status_conflict-selected": "conflict, selected",
        "status_conflict-rejected": "conflict, rejected",
        "status_conflict-unresolved": "conflict, unresolved",
        "match_direct": "direct",
        "match_proxy": "proxy",
        "profile_title": "# Public administration reform profile: {province}",
        "profile_fig_percentile": "{province}: national percentile (100 = best), PAPI and PCI",
        "profile_fig_trajectory": "{province}: {family} overall score against all provinces",
        "profile_fig_dimensions": "{province}: PAPI dimensions in {year}",
        "profile_dimensions": "In {year} the province is above the national median on {n_above} of {n_dims} "
                              "PAPI dimensions: {above}.",
        "profile_coverage_n": "number of measures with data for {province} by year",
        "profile_fig_coverage": "{province}: measures with data by index and year",
        "profile_ranks_heading": "### PAPI ranks (computed from scores, complete years): national and {region} "
                                 "region",
        "profile_peers": "### Peers\nThe provinces whose profile on the {n} PAPI dimensions in {year} is "
                         "nearest to {province} (Euclidean distance on the published scales). Best PAPI "
                         "performer in {best_year}: {best} ({best_value} points).",
        "profile_region_table": "PAPI ranking within {region}, {year} ({n} provinces with data):",
        "profile_ci": "In {year} the 95% confidence interval of the PAPI score is [{low}; {high}]; it overlaps "
                      "the intervals of {k} of {n} other provinces, from which the score does not separate it.",
        "profile_reported": "### Figures reported by news and official pages ({n} figures on {province})\n"
                            "PAR INDEX, SIPAS, DTI and PCI from 2022 exist only as quoted figures; conflicting "
                            "figures are kept side by side with their resolution (see the data quality report). "
                            "Mentions without a number are kept as evidence.",
        "targets_intro": "### Master programme targets\n{n_observed} of {n_targets} targets have provincial "
                         "figures to compare with ({measures}); the others have no provincial data. The "
                         "provincial figures cover only some of the 63 provinces (see the provinces-with-data "
                         "column).",
        "change": "Change",
        "improved": "Improved",
        "compare_region": "the provinces of {region}",
        "compare_title": "# Comparing {scope}: {measure}",
        "compare_latest": "In {year}, {n} of the {n_chosen} chosen provinces have data: highest {best} "
                          "({best_value}), lowest {worst} ({worst_value}).",
        "compare_fig_values": "{scope}: {family} values by year against all provinces",
        "compare_fig_ranks": "{scope}: {family} national rank (1 = best)",
        "periods_title": "# The two PAR master programme periods: {measure}\n{family_long}",
        "periods_fig_distribution": "{measure}: distribution across provinces by year",
        "periods_corr": "Rank correlation between the periods ({n} provinces): Spearman ρ = {rho} ({p_rho}), "
                        "Kendall τ = {tau} ({p_tau}).",
        "periods_stability": "Provinces' rank order changed most from {year_a} to {year_b}: Spearman ρ = {rho} ({p}, "
                             "{n} provinces), against a median ρ = {median} over the other {k} consecutive steps"
                             "{across}.",
        "periods_stability_across": " (this step crosses a methodology change)",
        "periods_fig_stability": "Stability of the ranking: correlation with the previous year with data",
        "rho_previous": "Spearman ρ with the previous year",
        "n_steps": "{n} pairs of consecutive years; {lo}–{hi} provinces per pair",
        "periods_fig_scatter": "2011–2020 against 2021–2030 ({basis}); diagonal: no change",
        "basis_short_level": "levels",
        "basis_short_percentile": "percentiles",
        "basis_short_rank": "median rank",
        "periods_table": "### By province ({basis})",
        "periods_year_corr": "### Rank correlation between consecutive years",
        "same_methodology": "Same methodology",
        "overview_title": "# National overview",
        "overview_rule": "Only complete years (at least 90% of provinces with a score, config/coverage.yml) enter "
                         "distributions, convergence and rankings; partial years show only the figures quoted.",
        "overview_no_complete": "{family}: no complete year and no complete ranking, so no national distribution or "
                                "ranking.",
        "overview_ranking_only": "{family}: {year} has the complete official ranking of {n} provinces but only {n_values} "
                                 "published scores; first is {best}. Ranks only: no median or distribution of scores.",
        "overview_family": "In {year} the best performer is {best} ({value}; {n} provinces with data). Coefficient of "
                           "variation across provinces ({era}) from {cv_start} ({start}) to {cv_end} ({end}).",
        "overview_beta": "Beta convergence {start}–{end}: slope {slope} ({n} provinces, {p}); {verdict}",
        "beta_converging": "provinces that started lower gained more (convergence).",
        "beta_diverging": "provinces that started higher gained more (divergence).",
        "beta_none": "no clear evidence of convergence or divergence.",
        "overview_fig_distribution": "{family}: distribution of provinces' overall scores by year",
        "beta_initial": "Score in {year}",
        "beta_gain": "Mean annual gain {start}–{end}",
        "overview_fig_beta": "{family}: beta convergence {start}–{end}",
        "cv": "Coefficient of variation (sd / mean)",
        "overview_fig_sigma": "Sigma convergence: dispersion across provinces by year",
        "overview_ranking": "### {family} ranking {year} ({n} provinces; {how})",
        "ranking_computed": "computed from scores; provinces equal to {digits} decimals share a rank, e.g. 31=",
        "ranking_published": "the official ranking",
        "overview_missing": ". No data: {missing}.",
        "rank_prev": "Rank in {year}",
        "overview_best": "### {family}: best performer each year",
        "quality_title": "# Data quality",
        "quality_coverage_n": "provinces with an overall score by index and year",
        "quality_fig_coverage": "Coverage: provinces with an overall score",
        "quality_not_validated": "No validation result exists for these data.",
        "quality_validation": "Validation ran {n} expectations: {errors} errors, {warnings} warnings (at {when}).",
        "table": "Table",
        "rows": "Rows",
        "expectations": "Expectations",
        "failed_error": "Errors",
        "failed_warning": "Warnings",
        "expectation": "Expectation",
        "severity": "Severity",
        "description": "Description",
        "unexpected": "Failing rows",
        "examples": "Examples",
        "quality_conflicts": "### Conflicting figures\n{n} conflicts ({n_rows} figures); {open} figures left open.",
        "conflict": "Conflict",
        "resolution": "Resolution",
        "quality_gaps": "### Gaps at source ({n} complete years with a province missing, documented in "
                        "config/completeness.yml)",
        "missing": "Missing provinces",
        "quality_flags": "### What cleaning set aside ({n})",
        "flag": "Flag",
        "file": "File",
        "detail": "Detail",
        "map_licence": "Map licensed CC BY-SA 4.0.",
        "map_islands_note": "Inset: the Hoàng Sa (Paracel) and Trường Sa (Spratly) archipelagos, shown as parts of "
                            "Đà Nẵng and Khánh Hòa as on Viet Nam's official maps.",
        "map_hoang_sa": "Hoàng Sa\n(Paracel Is.)",
        "map_truong_sa": "Trường Sa\n(Spratly Is.)",
        "map_none": "none",
        "map_missing": "No data ({n})",
        "map_missing_short": "No data",
        "map_legend_quartiles": "Quartile groups (provinces, score range)",
        "map_group_papi_4": "Best performers",
        "map_group_papi_3": "High average",
        "map_group_papi_2": "Low average",
        "map_group_papi_1": "Poor performers",
        "map_group_4": "Top 25%",
        "map_group_3": "Above the median",
        "map_group_2": "Below the median",
        "map_group_1": "Bottom 25%",
        "map_group_range": "{group}: {n} provinces, {lo}–{hi}",
        "map_quoted": "Quoted figure ({n})",
        "map_title_choropleth": "{measure} in {year}: quartile groups of {n} provinces",
        "map_title_quoted": "{measure} in {year}: figures quoted for {n} of {n_expected} provinces (not grouped)",
        "map_title_multiples": "{measure}: quartile groups in each year with complete data",
        "map_title_merger": "63 provinces become 34 on 1 July 2025",
        "map_title_locator": "{province}: location; from 1 July 2025 part of {new} (bold outline)",
        "map_title_members": "{province} from 1 July 2025, formed from {members}",
        "map_merger_1": "Unchanged ({n})",
        "map_merger_k": "Merged from {k} provinces ({n})",
        "map_merger_count": "{n} merged from {k} provinces",
        "map_old_lines": "Boundaries of the 63 former provinces",
        "map_alt_choropleth": "Map of {measure} in {year} for the {n} provinces with data, shaded in four quartile "
                              "groups. {top_group}: {top}. {bottom_group}: {bottom}.",
        "map_alt_missing": "No data (grey, hatched): {names}.",
        "map_alt_quoted": "Map of {measure} in {year}: only {n} of {n_expected} provinces have a quoted figure "
                          "({names}); the others are hatched as having no data.",
        "map_alt_multiples": "Maps of {measure} in {k} years with complete data ({years}), each province shaded by "
                             "its quartile group that year. In the top group every year: {always_top}. In the "
                             "bottom group every year: {always_bottom}.",
        "map_alt_merger": "Map of the {n_new} provinces from 1 July 2025 over the boundaries of the {n_old} former "
                          "ones: {kept} unchanged; {merged}.",
        "map_alt_locator": "Map locating {province} ({region}); from 1 July 2025 part of {new} (bold outline) with "
                           "{partners}.",
        "map_title_locator_former": "{province}: location on the map of 2004–2008; part of {new} from {date}",
        "map_alt_locator_former": "Map locating {province} ({region}) on the map of the provinces of 2004–2008; part "
                                  "of {new} (bold outline) from {date}.",
        "map_alt_locator_single": "Map locating {province} ({region}); from 1 July 2025 it keeps its boundaries "
                                  "as {new} (bold outline).",
        "map_alt_members": "Map of {province} from 1 July 2025, formed from {members}, about {area} km²; inset: "
                           "its place in the country.",
        "map_alt_members_single": "Map of {province} from 1 July 2025: the unchanged territory of {members}, about "
                                  "{area} km²; inset: its place in the country.",
        "p25_title": "# {province} from 1 July 2025: its former provinces across the two reform programmes",
        "p25_findings": "## Key findings",
        "p25_members": "**{province}** was formed from {k} provinces by Resolution 202/2025/QH15: {members} (about "
                       "{area} km²). The figures below belong to each former province; only figures published for "
                       "{province} itself are the new province's own.",
        "p25_single": "**{province}** keeps the boundaries of {members} under Resolution 202/2025/QH15 (about {area} "
                      "km²); the figures below are that province's before 1 July 2025.",
        "p25_official": "**Figures published for {province} itself** (ranking the 34 provinces): {figures}.",
        "p25_official_item": "{family} {year} rank {rank} of {rank_of}{value}",
        "p25_official_none": "No index edition in these data yet publishes figures for {province} as one of the 34 "
                             "provinces; what follows are its former provinces' figures.",
        "p25_family_finding": "**{family} {year}** (national rank, {n} provinces with data{missing}): {ranks}.",
        "p25_missing": "; no data: {names}",
        "p25_gap": "{family} gap between the best and the worst former province (national percentile points): "
                   "{gap_a} on average in 2011–2020 (complete years: {n_a}) and {gap_b} in 2021–2030 (complete "
                   "years: {n_b}); "
                   "in {year}: {gap} ({leader} leads, {trailer} trails).",
        "p25_gap_one": "{family} gap between the best and the worst former province in {year}: {gap} percentile "
                       "points ({leader} leads, {trailer} trails; {n} complete years).",
        "p25_quoted": "PAR INDEX and SIPAS exist only as quoted figures: {items}.",
        "p25_quoted_item": "{province} – {family} {year}: {value}{rank}",
        "p25_quoted_rank": " (rank {rank} as quoted)",
        "p25_quoted_rank_only": "rank {rank} as quoted, no score",
        "p25_official_heading": "## Figures published for {province} itself",
        "p25_family_heading": "## {family}",
        "p25_fig_values": "{family}: the former provinces of {province} against all provinces",
        "p25_fig_percentiles": "{family}: national percentile of the former provinces of {province} (100 = best)",
        "p25_band_note": "The national band uses complete years only ({years}).",
        "p25_quoted_only": "{family} has no year covering all provinces: the chart shows the quoted figures only, "
                           "with no national band, computed rank or gap.",
        "p25_standing": "### National percentile by period (complete years)",
        "p25_spread": "### Gap between the former provinces, by year",
        "p25_mean": "### Mean of the former provinces: a construction, not an official figure",
        "p25_mean_method": "Method: the unweighted mean of the {k} provinces' published scores, only in years in "
                           "which all {k} have one (one methodology within a year); not weighted by population or "
                           "area. Where an official figure for {province} exists, that figure is used instead.",
        "p25_quoted_heading": "## PAR INDEX and SIPAS: each former province's quoted figures",
        "p25_quoted_none": "No PAR INDEX or SIPAS figure is quoted for these provinces.",
        "period": "Period",
        "mean_percentile": "Mean percentile",
        "n_years": "Years",
        "last_rank": "Latest rank",
        "gap_percentile": "Gap (percentile points)",
        "gap_ranks": "Gap (ranks)",
        "leader": "Leads",
        "trailer": "Trails",
        "mean_constructed": "Mean (constructed)",
        "lowest": "Lowest",
        "highest": "Highest",
        "n_members": "Provinces",
        "profile_region": "**{province}** is in the {region} region.",
        "profile_periods_heading": "### The two master programmes: 2011–2020 and 2021–2030",
        "profile_jumps": "**Unusual changes ({n})**: changes far from the other provinces' that year, or coinciding "
                         "with a change of source; check before citing.",
        "n_percentile": "{n} percentiles; complete years {years}",
        "profile_history_heading": "### {family}: scores and published ranks ({n} figures, {years})",
        "profile_fig_history": "{province}: {family} score and rank by year",
        "profile_dimensions_none": "In {year} the province is above the national median on none of the {n_dims} "
                                   "PAPI dimensions.",
        "profile_coverage_bar": "Measures with data",
        "papi_group": "PAPI group",
        "rank_ci": "Rank range (95% CI)",
        "profile_fields": "PAR INDEX field scores and ranks ({n} fields; {years}):",
        "profile_new_unit": "#### Figures on {new} (a province from 1 July 2025)\n{n} figures about the new province, "
                            "not assigned to an old one: DTI 2024 also ranks the 34 new provinces; Index 766 values "
                            "are weekly snapshots, not annual scores.",
        "sr_heading": "### What the province reports",
        "sr_table": "Each figure by year (both programmes), targets beside results; bounds stay bounds (\"> 95 %\"); "
                    "the Caveats column marks figures for part of a year, one level or the service centre only. "
                    "Sources: follow the links.",
        "sr_definitions": "Definitions differ between provinces; do not compare these directly:",
        "sr_figure": "Figure",
        "sr_kind": "Kind",
        "sr_kind_result": "result",
        "sr_kind_target": "target",
        "sr_level": "Level",
        "sr_level_total": "whole province",
        "sr_level_province": "provincial level",
        "sr_level_district": "district level",
        "sr_level_commune": "commune level",
        "sr_period": "Period (as the source gives it)",
        "sr_caveats": "Caveats",
        "claim_heading": "#### What the province says about the indices, checked against the index tables",
        "claim_intro": "{n} statements by {province} (its portal, its press or documents) about its own index scores "
                       "and ranks, beside the index tables: {agree} agree, {disagree} disagree, {cannot} cannot be "
                       "checked.",
        "claim_none": "No statement by {province} about its own index scores or ranks to check.",
        "claim_claimed": "Province says",
        "claim_index": "Index table",
        "claim_outcome": "Check",
        "claim_agree": "agree",
        "claim_disagree": "disagree",
        "claim_cannot check": "cannot check",
        "claim_reason_self": "the index tables hold only this statement, no independent figure",
        "claim_reason_none": "the index tables have no figure for this year",
        "claim_reason_kind": "one gives a score, the other a rank",
        "claim_reason_agree": "equal (values at the statement's printed precision, ranks exactly; {source})",
        "claim_reason_disagree": "different from {source}",
        "who_heading": "## What provinces report about themselves",
        "who_intro": "Figures provinces published about their own reform results ({n_rows} figures from "
                     "{n_provinces} provinces): not an index. Each cell gives the years a province reports a result "
                     "for; an empty cell means none was found in the sources collected, not that the province "
                     "reported none.",
        "who_n": "Measures",
        "who_compare": "#### Comparisons between provinces, only where definitions match",
        "who_compare_none": "No measure and year has two provinces with figures of the same definition.",
        "target_text": "Target (Vietnamese text as published)",
        "target_value": "Target value",
        "province_year": "Province's year",
        "meets": "Met",
        "targets_series": "The {measure} series the targets are compared with (one row a year):",
        "rank_basis_short_listed-order": " (listed order)",
        "rank_basis_short_score-order": " (score order)",
        "prior_year": "Later source",
        "prior_year_short": "restated a year later",
        "as_of": "Date",
        "evidence": "Evidence (figures without a number)",
        "compare_intro": "{n} provinces: {provinces}. Indices: {families}. Each panel is a province against the "
                         "national interquartile range (complete years only); partial years are hollow points.",
        "compare_family_heading": "## {family}",
        "compare_fig_published_ranks": "{scope}: {family} published ranks by year (1 = best)",
        "n_ranks": "{n} published ranks; {years}",
        "rank_colorbar": "Rank (1 = best)",
        "compare_group_improved": "In the group: {k} of {n} provinces with all years improved.",
        "coverage_complete": "Complete years (at least 90% of provinces with a score): {years}.",
        "coverage_no_complete": "No complete year (at least 90% of provinces with a score).",
        "coverage_ranking": "Years with only the official ranking complete (not the scores): {years}.",
        "coverage_partial": "Years with quoted figures only: {years}.",
        "coverage_partial_year": "{year}: with a score {n_values}, with a score or a rank {n_quoted}, of {n_expected} "
                                 "provinces",
        "caption_ranks_computed": "ranks computed from scores in the complete years {years} ({lo}–{hi} provinces a year)",
        "caption_ranks_published": "published ranks in {years} (of {n} provinces)",
        "years_used": "Years used",
        "change_rank": "Rank change (negative = moved up)",
        "matched": "All years",
        "periods_breaks": "Methodology changes: {breaks}; levels are comparable only within one methodology.",
        "periods_no_breaks": "No methodology change in these years.",
        "periods_none": "{family} has no data to compare the two periods.",
        "periods_jumps": "### Unusual changes ({n})\nA province's change from the year before far from the other "
                         "provinces' changes that year, or coinciding with a change of source ({family}):",
        "periods_coverage_table": "### Coverage by year (rule in config/coverage.yml)",
        "n_values": "Provinces with a score",
        "n_quoted": "Provinces with a score or a rank",
        "year_status_complete": "complete",
        "year_status_ranking": "complete ranking only",
        "year_status_partial": "quoted figures only",
        "quality_rule": "Coverage rule (config/coverage.yml): a year is complete when at least {share}% of the "
                        "provinces in force that year have a score; only those years feed medians, quartiles, ranks "
                        "computed from scores and convergence. A year whose official ranking is complete (but whose "
                        "scores are not) is used for ranks only.",
        "quality_jumps": "### Unusual changes ({n})\nChanges from the year before more than {sd} standard deviations "
                         "from the other provinces' changes that year, or more than {sd_source} where the province's "
                         "source changes (one methodology, at least {min} provinces with both years):",
        "quality_collisions": "### Ranks that contradict each other across provinces ({n}, left open)\nTwo provinces "
                              "with the same rank but different scores, or ranks against the order of the scores; both "
                              "figures are kept as published.",
        "quality_listed": "### Ranks not stated ({n}; {n_listed} read from a listed order)\nThese ranks are marked "
                          "wherever they appear (hollow points in figures, a note in tables).",
        "rank_basis": "Rank given by",
        "quality_apart": "### Figures kept apart ({n})\n{n_new} figures about the provinces in force from 1 July 2025 "
                         "(DTI 2024 ranks the 34, Index 766 from mid-2025) are not assigned to an old province; "
                         "{n_snapshots} Index 766 figures are weekly snapshots, kept with their date, not annual "
                         "scores.",
        "and": "and",
        "merger_merged": "On 1 July 2025 {province} merged with {others} into **{new}** (Resolution 202/2025/QH15).",
        "merger_unmerged": "On 1 July 2025 {province} was not merged with any province; it remains **{new}** "
                           "(Resolution 202/2025/QH15).",
        "rank_computed_of": "rank {rank} of {n}, computed from the scores of the {n} provinces with data",
        "rank_missing": " (missing: {missing})",
        "rank_official_complete": "rank {rank} of {n} in the complete official ranking",
        "rank_published_of": "rank {rank} of {n} as published (a year with quoted figures only)",
        "rank_basis_listed-order": ", rank read from the order in which a source lists provinces",
        "rank_basis_score-order": ", rank inferred from the order of quoted scores",
        "rank_short": "rank {rank}",
        "quartile_group": "; {group} (PAPI groups provinces by quartiles, it does not rank them)",
        "quartile_1": "best performers",
        "quartile_2": "high average",
        "quartile_3": "low average",
        "quartile_4": "poor performers",
        "rank_ci_range": "; the 95% confidence intervals allow ranks {best} to {worst}",
        "standing_none": "- **{family}**: no data on the province.",
        "standing_years": "- **{family}**: data for {n} years ({years}).",
        "standing_value": "{year}: {value} points ({era})",
        "standing_no_value": "{year}: a rank only, no published score ({era})",
        "published_top": "From {family} {first_year}, {producer} publishes scores and ranks only for its top {top}; "
                         "lower ranks are known only where a province reports its own.",
        "cmp_windows_level": "**{family}, levels compared**: {first} → {second}.",
        "cmp_windows_percentile": "**{family}, national percentiles compared** (comparable across methodology "
                                  "changes): {first} → {second}.",
        "cmp_windows_rank": "**{family}, published ranks compared** (each rank among all provinces ranked "
                            "that year; ranks are comparable across methodology changes, scores are not): "
                            "{first} → {second}.",
        "cmp_single_year": "The {period} window has a single year ({year}).",
        "cmp_province_none": "{province} has no data in these years.",
        "cmp_province_level": "{province}: mean score {first} ({years_first}) → {second} ({years_second}).",
        "cmp_province_percentile": "{province}: mean percentile {first} ({years_first}) → {second} ({years_second}); "
                                   "100 is best.",
        "cmp_province_rank": "{province}: median rank {first} ({years_first}) → {second} ({years_second}).",
        "cmp_province_one_side": "{province} has data in one period only ({years}), so the periods cannot be "
                                 "compared.",
        "cmp_province_unmatched": "The province misses {missing}, so it is left out of the nationwide figures.",
        "cmp_national_level": "Nationwide: {k} of the {n} provinces with all these years ({share}%) have a higher mean "
                              "score in the later period.",
        "cmp_national_percentile": "Nationwide: {k} of the {n} provinces with all these years ({share}%) have a higher "
                                   "mean percentile in the later period.",
        "missing_years": "missing {years}",
        "cmp_left_out": "{n} provinces missing a year are left out: {names}.",
        "quoted_note": "quoted: {n} of {n_expected}",
        "quoted_mostly_top": ", mostly top {top}",
        "jump": "{family} {year_a}→{year_b}, {province}: {value_a} → {value_b} (change {change}, {z} standard "
                "deviations from the changes of the {n} provinces that year)",
        "jump_source": "; coincides with a change of source ({source_a} → {source_b})",
    },
}
