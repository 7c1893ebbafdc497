import csv
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize._data import DATA_DIR
from normalize.people import Position, find_people
from normalize.text import fold

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def summary(text: str) -> list[tuple[str, str | None, str | None, list[tuple[str, str | None]]]]:
    return [
        (m.name, m.honorific, m.academic, [(p.title, p.unit) for p in m.positions])
        for m in find_people(text)
    ]


def check_spans(text: str) -> None:
    previous_end = 0
    for m in find_people(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end  # in order, never overlapping
        previous_end = m.end
        assert m.name.lower() in " ".join(m.text.split()).lower()
        for position in m.positions:
            assert " ".join(position.text.split()).lower() in " ".join(m.text.split()).lower()
            if position.unit is not None:
                assert position.text.endswith(position.unit)


DC = "đồng chí"

# The seeds' sentences, exactly as the pages print them.
SEED_SENTENCES = [
    (
        "Ngày 31 tháng 12 năm 2019, Sở Khoa học và Công nghệ tổ chức Hội nghị cán bộ, công "
        "chức, viên chức (CBCCVC) năm 2020, Hội nghị đã triệu tập 60 CBCCVC và người lao động "
        "cơ quan. Đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN đến dự và chỉ đạo "
        "hội nghị.",
        [("Lâm Văn Tân", DC, None, [("Bí thư", "Đảng ủy"), ("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "Đ/c Lâm Văn Tân – Bí thư Đảng ủy, Giám đốc Sở\nphát biểu chỉ đạo.",
        [("Lâm Văn Tân", DC, None, [("Bí thư", "Đảng ủy"), ("Giám đốc", "Sở")])],
    ),
    (
        "Đến dự Hội nghị có đồng chí Võ Văn Hoàng Em-Phó Chủ tịch công đoàn viên chức tỉnh "
        "cùng toàn thể cán bộ công chức, viên chức và người lao động trong đơn vị.",
        [("Võ Văn Hoàng Em", DC, None, [("Phó Chủ tịch", "công đoàn viên chức tỉnh")])],
    ),
    (
        "Giám đốc Sở Khoa học và công nghệ Lê Văn Khê đã ghi nhận ý kiến đóng góp của đại "
        "biểu tham dự",
        [("Lê Văn Khê", None, None, [("Giám đốc", "Sở Khoa học và công nghệ")])],
    ),
    (
        "Đến dự và chỉ đạo Hội nghị có Ông Lê Thanh Việt - Giám đốc Sở KH&CN, chủ trì Hội "
        "nghị và đại diện lãnh đạo của 11 thành viên Khối thi đua thuộc Sở gồm: Văn phòng Sở; "
        "Phòng Kế hoạch – Tài chính; Phòng Thanh tra",
        [("Lê Thanh Việt", "ông", None, [("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "Tham dự Hội nghị có các đồng chí trong Ban Giám đốc Sở, lãnh đạo các phòng, đơn vị "
        "trực thuộc Sở và toàn bộ chuyên viên Khối Văn phòng Sở. Đồng chí Hoàng Giang- Giám "
        "đốc Sở chủ trì Hội nghị.",
        [("Hoàng Giang", DC, None, [("Giám đốc", "Sở")])],
    ),
    (
        "Tham dự Đại hội có đồng chí Phạm Thị Thơ - Chủ tịch Công đoàn viên chức thành phố, "
        "ban Giám đốc Sở KH&CN và toàn bộ đoàn viên công đoàn Sở KH&CN.",
        [("Phạm Thị Thơ", DC, None, [("Chủ tịch", "Công đoàn viên chức thành phố")])],
    ),
    (
        "Thay mặt Đảng ủy, Ban Giám đốc Sở, đồng chí Lâm Văn Tân ghi nhận, tiếp thu ý kiến",
        [("Lâm Văn Tân", DC, None, [])],
    ),
    (
        "tuyên truyền về tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh, đường lối chủ "
        "trương, chính sách của Đảng",
        [("Hồ Chí Minh", None, None, [("Chủ tịch", None)])],
    ),
]

# The mirror's invented articles: more shapes.
MIRROR_SENTENCES = [
    (
        "Theo ông Võ Minh Thuận - Phó Giám đốc Sở, thiết bị được lựa chọn có khả năng xử lý",
        [("Võ Minh Thuận", "ông", None, [("Phó Giám đốc", "Sở")])],
    ),
    (
        "Báo cáo tại hội nghị, ông Nguyễn Quang Định - Vụ trưởng Vụ Phát triển khoa học và "
        "công nghệ địa phương cho biết, năm 2018",
        [
            (
                "Nguyễn Quang Định",
                "ông",
                None,
                [("Vụ trưởng", "Vụ Phát triển khoa học và công nghệ địa phương")],
            )
        ],
    ),
    (
        "Bà Nguyễn Thị Mỹ Lệ, ấp Thạnh Hải, xã An Điền chia sẻ: mùa khô năm nay",
        [("Nguyễn Thị Mỹ Lệ", "bà", None, [])],
    ),
    (
        "Theo ông Trần Văn Sang - Phó Chủ tịch UBND huyện Chợ Lách, địa phương sẽ phối hợp",
        [("Trần Văn Sang", "ông", None, [("Phó Chủ tịch", "UBND huyện Chợ Lách")])],
    ),
    (
        "Phát biểu tại buổi họp, đồng chí Phan Thanh Liêm, Bí thư Đảng ủy, Giám đốc Sở KH&CN "
        "nhấn mạnh: việc hợp nhất",
        [("Phan Thanh Liêm", DC, None, [("Bí thư", "Đảng ủy"), ("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "Ông Đoàn Văn Nhã - Phó Giám đốc Sở, nguyên Phó Giám đốc Sở Thông tin và Truyền "
        "thông, cho biết các nhiệm vụ trọng tâm",
        [
            (
                "Đoàn Văn Nhã",
                "ông",
                None,
                [("Phó Giám đốc", "Sở"), ("Phó Giám đốc", "Sở Thông tin và Truyền thông")],
            )
        ],
    ),
    (
        "Cùng ngày, bà Lê Thị Kim Ngân – Chủ tịch Công đoàn Sở thông tin về việc sáp nhập",
        [("Lê Thị Kim Ngân", "bà", None, [("Chủ tịch", "Công đoàn Sở")])],
    ),
    (
        "do Trung tâm Ứng dụng tiến bộ khoa học và công nghệ chủ trì, KS. Lương Văn Bình làm "
        "chủ nhiệm.",
        [("Lương Văn Bình", None, "KS.", [])],
    ),
    (
        "Đ/c Hoàng Minh Đức, Phó Giám đốc Sở chủ trì hội thảo.",
        [("Hoàng Minh Đức", DC, None, [("Phó Giám đốc", "Sở")])],
    ),
    (
        "Tại hội thảo, PGS.TS. Vũ Khắc Thành, Trường Đại học Khoa học Tự nhiên – Đại học Quốc "
        "gia Hà Nội trình bày tham luận về giá trị hóa thạch, địa tầng của khu vực; ThS. Đinh "
        "Thị Hồng Vân, Viện Địa chất giới thiệu kinh nghiệm",
        [
            ("Vũ Khắc Thành", None, "PGS.TS.", []),
            ("Đinh Thị Hồng Vân", None, "ThS.", []),
        ],
    ),
    (
        "Kết luận hội thảo, Đ/c Hoàng Minh Đức cho biết Sở KH&CN sẽ tổng hợp các ý kiến",
        [("Hoàng Minh Đức", DC, None, [])],
    ),
    (
        "Đồng chí Đàm Văn Khải, Bí thư Đảng ủy, Giám đốc Sở KH&CN chủ trì hội nghị; dự hội "
        "nghị có đại diện lãnh đạo UBND tỉnh, Văn phòng UBND tỉnh",
        [("Đàm Văn Khải", DC, None, [("Bí thư", "Đảng ủy"), ("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "Ban Giám đốc Sở gồm Giám đốc và 04 Phó Giám đốc, trong đó ông Ma Văn Quyết - Phó "
        "Giám đốc Sở phụ trách lĩnh vực chuyển đổi số, bưu chính, viễn thông.",
        [("Ma Văn Quyết", "ông", None, [("Phó Giám đốc", "Sở")])],
    ),
    (
        "Theo ThS. Hoàng Thị Lan, Trưởng phòng Chuyển đổi số, kết quả khảo sát đầu khóa",
        [("Hoàng Thị Lan", None, "ThS.", [("Trưởng phòng", "Chuyển đổi số")])],
    ),
    (
        "Tại hội nghị, TS. Bế Văn Tuấn - Phó Giám đốc Sở cho biết, thực hiện Luật Khoa học",
        [("Bế Văn Tuấn", None, "TS.", [("Phó Giám đốc", "Sở")])],
    ),
    (
        "Tại hội nghị, PGS.TS. Hà Quốc Trung, Viện Nghiên cứu Hải sản đánh giá cao cơ chế",
        [("Hà Quốc Trung", None, "PGS.TS.", [])],
    ),
    (
        "Tại phiên tọa đàm “Hệ sinh thái khởi nghiệp cho kinh tế biển”, ThS. Lê Hoàng Việt, "
        "Giám đốc Vườn ươm doanh nghiệp công nghệ cao Hải Phòng chia sẻ, thành phố có lợi thế",
        [
            (
                "Lê Hoàng Việt",
                None,
                "ThS.",
                [("Giám đốc", "Vườn ươm doanh nghiệp công nghệ cao Hải Phòng")],
            )
        ],
    ),
    (
        "Chủ nhiệm nhiệm vụ, TS. Phạm Thị Huyền, Viện Cơ điện nông nghiệp và Công nghệ sau thu "
        "hoạch cho biết",
        [("Phạm Thị Huyền", None, "TS.", [])],
    ),
    (
        "Đề tài do PGS.TS. Lê Văn Hòa, Viện Lúa Đồng bằng sông Cửu Long làm chủ nhiệm; Đ/c "
        "Nguyễn Thành Nhơn, Phó Giám đốc Sở chủ trì hội nghị.",
        [
            ("Lê Văn Hòa", None, "PGS.TS.", []),
            ("Nguyễn Thành Nhơn", DC, None, [("Phó Giám đốc", "Sở")]),
        ],
    ),
    (
        "Đến dự có ông Phạm Văn Tâm - Phó Chủ tịch UBND tỉnh, đại diện Bộ KH&CN, các sở, ngành",
        [("Phạm Văn Tâm", "ông", None, [("Phó Chủ tịch", "UBND tỉnh")])],
    ),
    (
        "Ông Danh Phước - Phó Giám đốc Sở và TS. Trịnh Bảo Ngọc - Phó Cục trưởng đồng chủ trì "
        "hội thảo.",
        [
            ("Danh Phước", "ông", None, [("Phó Giám đốc", "Sở")]),
            ("Trịnh Bảo Ngọc", None, "TS.", [("Phó Cục trưởng", None)]),
        ],
    ),
    (
        "Đ/c Trương Minh Khôi, Giám đốc Sở chủ trì hội nghị.",
        [("Trương Minh Khôi", DC, None, [("Giám đốc", "Sở")])],
    ),
]

# formats.md, "People and their positions".
FORMATS_SENTENCES = [
    (
        "Đồng chí Trần Văn An, Bí thư Đảng ủy, Giám đốc Sở KH&CN",
        [("Trần Văn An", DC, None, [("Bí thư", "Đảng ủy"), ("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "Ông Phạm Quốc Huy - Phó Giám đốc Sở",
        [("Phạm Quốc Huy", "ông", None, [("Phó Giám đốc", "Sở")])],
    ),
    (
        "bà Lê Thị Mai – Chủ tịch Công đoàn viên chức tỉnh",
        [("Lê Thị Mai", "bà", None, [("Chủ tịch", "Công đoàn viên chức tỉnh")])],
    ),
    ("Đ/c Hoàng Minh chủ trì", [("Hoàng Minh", DC, None, [])]),
    (
        "Ông Nguyễn Văn Bình, Chánh Văn phòng Sở cho biết",
        [("Nguyễn Văn Bình", "ông", None, [("Chánh Văn phòng", "Sở")])],
    ),
    (
        "bà Trần Thị Hạnh, Chánh Thanh tra Sở phát biểu",
        [("Trần Thị Hạnh", "bà", None, [("Chánh Thanh tra", "Sở")])],
    ),
    (
        "ông Lò Văn Minh, Trưởng phòng Quản lý Khoa học, trình bày",
        [("Lò Văn Minh", "ông", None, [("Trưởng phòng", "Quản lý Khoa học")])],
    ),
    (
        "Đồng chí Ngô Thị Lan - Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng báo cáo",
        [
            (
                "Ngô Thị Lan",
                DC,
                None,
                [("Chi cục trưởng", "Chi cục Tiêu chuẩn Đo lường Chất lượng")],
            )
        ],
    ),
]

# Shapes a reasonable reader expects next to those.
MORE_SHAPES = [
    # position(s) + unit + name
    (
        "Chủ tịch UBND tỉnh Bến Tre Trần Ngọc Tam phát biểu",
        [("Trần Ngọc Tam", None, None, [("Chủ tịch", "UBND tỉnh Bến Tre")])],
    ),
    (
        "Giám đốc Sở Nguyễn Văn An phát biểu",
        [("Nguyễn Văn An", None, None, [("Giám đốc", "Sở")])],
    ),
    (
        "Bộ trưởng Bộ KH&CN Huỳnh Thành Đạt đến thăm",
        [("Huỳnh Thành Đạt", None, None, [("Bộ trưởng", "Bộ KH&CN")])],
    ),
    (
        "Thứ trưởng Bùi Thế Duy cho biết",
        [("Bùi Thế Duy", None, None, [("Thứ trưởng", None)])],
    ),
    (
        "Phó Thủ tướng Trần Hồng Hà chỉ đạo",
        [("Trần Hồng Hà", None, None, [("Phó Thủ tướng", None)])],
    ),
    (
        "Bí thư Đảng ủy, Giám đốc Sở KH&CN Lâm Văn Tân phát biểu.",
        [("Lâm Văn Tân", None, None, [("Bí thư", "Đảng ủy"), ("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "Phó Giám đốc Sở kiêm Chánh Văn phòng Trần Thị Bích Ngọc trình bày",
        [
            (
                "Trần Thị Bích Ngọc",
                None,
                None,
                [("Phó Giám đốc", "Sở"), ("Chánh Văn phòng", None)],
            )
        ],
    ),
    (
        "Chủ tịch UBND huyện Chợ Lách Nguyễn Văn Bảy cho biết",
        [("Nguyễn Văn Bảy", None, None, [("Chủ tịch", "UBND huyện Chợ Lách")])],
    ),
    (
        "Giám đốc Sở KH&CN TP. Hồ Chí Minh Nguyễn Việt Dũng cho biết",
        [("Nguyễn Việt Dũng", None, None, [("Giám đốc", "Sở KH&CN TP. Hồ Chí Minh")])],
    ),
    (
        "Phó Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng Lê Thị Lan trình bày",
        [
            (
                "Lê Thị Lan",
                None,
                None,
                [("Phó Chi cục trưởng", "Chi cục Tiêu chuẩn Đo lường Chất lượng")],
            )
        ],
    ),
    (
        "Trưởng phòng Quản lý Khoa học Nguyễn Văn Cường báo cáo",
        [("Nguyễn Văn Cường", None, None, [("Trưởng phòng", "Quản lý Khoa học")])],
    ),
    (
        "Kế toán trưởng Nguyễn Thị Hạnh trình bày",
        [("Nguyễn Thị Hạnh", None, None, [("Kế toán trưởng", None)])],
    ),
    (
        "Tổng Biên tập Báo Bến Tre Nguyễn Văn Tám phát biểu",
        [("Nguyễn Văn Tám", None, None, [("Tổng Biên tập", "Báo Bến Tre")])],
    ),
    (
        "Hiệu trưởng Trường Đại học Cần Thơ Trần Trung Tính phát biểu",
        [("Trần Trung Tính", None, None, [("Hiệu trưởng", "Trường Đại học Cần Thơ")])],
    ),
    (
        "Đại biểu Quốc hội Nguyễn Văn An phát biểu",
        [("Nguyễn Văn An", None, None, [("Đại biểu Quốc hội", None)])],
    ),
    (
        "Phó Giám đốc Sở Tài nguyên và Môi trường Nguyễn Thị Mai",
        [("Nguyễn Thị Mai", None, None, [("Phó Giám đốc", "Sở Tài nguyên và Môi trường")])],
    ),
    # honorific or academic title between the unit and the name
    (
        "Phó Chủ tịch UBND tỉnh ông Nguyễn Văn Hiếu cùng đoàn công tác",
        [("Nguyễn Văn Hiếu", "ông", None, [("Phó Chủ tịch", "UBND tỉnh")])],
    ),
    (
        "đồng chí Bí thư Tỉnh ủy Nguyễn Văn An đến dự",
        [("Nguyễn Văn An", DC, None, [("Bí thư", "Tỉnh ủy")])],
    ),
    (
        "Giám đốc Trung tâm TS. Nguyễn Văn Hùng giới thiệu",
        [("Nguyễn Văn Hùng", None, "TS.", [("Giám đốc", "Trung tâm")])],
    ),
    # honorific + name + positions
    (
        "Đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND "
        "tỉnh phát biểu",
        [
            (
                "Nguyễn Văn An",
                DC,
                None,
                [
                    ("Ủy viên", "Ban Thường vụ Tỉnh ủy"),
                    ("Phó Chủ tịch Thường trực", "UBND tỉnh"),
                ],
            )
        ],
    ),
    (
        "Đồng chí Nguyễn Văn An, Tỉnh ủy viên, Giám đốc Sở KH&CN tỉnh Bà Rịa - Vũng Tàu phát biểu",
        [
            (
                "Nguyễn Văn An",
                DC,
                None,
                [("Tỉnh ủy viên", None), ("Giám đốc", "Sở KH&CN tỉnh Bà Rịa - Vũng Tàu")],
            )
        ],
    ),
    (
        "Bà Lê Thị Mai, Phó Giám đốc Sở kiêm Chánh Thanh tra Sở trình bày",
        [("Lê Thị Mai", "bà", None, [("Phó Giám đốc", "Sở"), ("Chánh Thanh tra", "Sở")])],
    ),
    (
        "Đồng chí Nguyễn Văn Hội, Phó Giám đốc Trung tâm Ứng dụng tiến bộ KH&CN kiêm Chủ tịch "
        "Công đoàn cơ sở",
        [
            (
                "Nguyễn Văn Hội",
                DC,
                None,
                [
                    ("Phó Giám đốc", "Trung tâm Ứng dụng tiến bộ KH&CN"),
                    ("Chủ tịch", "Công đoàn cơ sở"),
                ],
            )
        ],
    ),
    (
        "Đ/c Nguyễn Văn An - Bí thư Chi bộ - Giám đốc Trung tâm phát biểu",
        [("Nguyễn Văn An", DC, None, [("Bí thư", "Chi bộ"), ("Giám đốc", "Trung tâm")])],
    ),
    (
        "ông Nguyễn Văn An (Giám đốc Sở KH&CN) phát biểu",
        [("Nguyễn Văn An", "ông", None, [("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "Ông Nguyễn Văn An, nguyên Giám đốc Sở cho biết",
        [("Nguyễn Văn An", "ông", None, [("Giám đốc", "Sở")])],
    ),
    (
        "Ông Lê Văn An - Quyền Giám đốc Sở; bà Lê Thị Bình - Phó Giám đốc Sở.",
        [
            ("Lê Văn An", "ông", None, [("Giám đốc", "Sở")]),
            ("Lê Thị Bình", "bà", None, [("Phó Giám đốc", "Sở")]),
        ],
    ),
    (
        "Ông Nguyễn Văn An – Phó Giám đốc phụ trách Sở cho biết",
        [("Nguyễn Văn An", "ông", None, [("Phó Giám đốc", None)])],
    ),
    (
        "bà Nguyễn Thị Bình, chuyên viên Phòng QLKH, trình bày",
        [("Nguyễn Thị Bình", "bà", None, [("Chuyên viên", "Phòng QLKH")])],
    ),
    (
        "Bà Trần Thị Bình, Phó Trưởng phòng Quản lý Khoa học, Sở KH&CN tỉnh Bến Tre cho biết",
        [("Trần Thị Bình", "bà", None, [("Phó Trưởng phòng", "Quản lý Khoa học")])],
    ),
    (
        "ông Nguyễn Thành Công - Trưởng phòng QLKH cho biết",
        [("Nguyễn Thành Công", "ông", None, [("Trưởng phòng", "QLKH")])],
    ),
    (
        "ông Nguyễn Văn An Giám đốc Sở KH&CN phát biểu",
        [("Nguyễn Văn An", "ông", None, [("Giám đốc", "Sở KH&CN")])],
    ),
    (
        "ông Hờ A Di – Phó Chủ tịch UBND tỉnh",
        [("Hờ A Di", "ông", None, [("Phó Chủ tịch", "UBND tỉnh")])],
    ),
    ("ông Y Ngông Niê Kdăm phát biểu", [("Y Ngông Niê Kdăm", "ông", None, [])]),
    # two people in one sentence
    (
        "Đồng chí Nguyễn Văn An – Giám đốc Sở KH&CN và đồng chí Trần Văn Bình – Phó Giám đốc "
        "Sở đồng chủ trì",
        [
            ("Nguyễn Văn An", DC, None, [("Giám đốc", "Sở KH&CN")]),
            ("Trần Văn Bình", DC, None, [("Phó Giám đốc", "Sở")]),
        ],
    ),
    (
        "ông Nguyễn Văn An, Giám đốc Sở và bà Trần Thị Bình, Phó Giám đốc Sở",
        [
            ("Nguyễn Văn An", "ông", None, [("Giám đốc", "Sở")]),
            ("Trần Thị Bình", "bà", None, [("Phó Giám đốc", "Sở")]),
        ],
    ),
    # the same person twice: two mentions, the caller dedups
    (
        "Đ/c Trương Minh Khôi, Giám đốc Sở chủ trì. Đ/c Trương Minh Khôi yêu cầu các phòng",
        [
            ("Trương Minh Khôi", DC, None, [("Giám đốc", "Sở")]),
            ("Trương Minh Khôi", DC, None, []),
        ],
    ),
    # academic titles as printed
    ("ThS.Nguyễn Văn An trình bày", [("Nguyễn Văn An", None, "ThS.", [])]),
    ("Ths. Trần Thị Bình trình bày", [("Trần Thị Bình", None, "Ths.", [])]),
    ("PGS. TS. Lê Văn Cường trình bày", [("Lê Văn Cường", None, "PGS. TS.", [])]),
    ("GS.TSKH. Nguyễn Văn An phát biểu", [("Nguyễn Văn An", None, "GS.TSKH.", [])]),
    ("TS Phạm Văn Dũng phát biểu", [("Phạm Văn Dũng", None, "TS", [])]),
    ("BS. Nguyễn Thị Hoa khám bệnh", [("Nguyễn Thị Hoa", None, "BS.", [])]),
    ("CN. Lê Văn Tám báo cáo", [("Lê Văn Tám", None, "CN.", [])]),
    (
        "TS. Nguyễn Văn An, Viện trưởng Viện Nghiên cứu Hải sản cho biết",
        [("Nguyễn Văn An", None, "TS.", [("Viện trưởng", "Viện Nghiên cứu Hải sản")])],
    ),
    (
        "ông TS. Nguyễn Văn An - Giám đốc Sở",
        [("Nguyễn Văn An", "ông", "TS.", [("Giám đốc", "Sở")])],
    ),
    (
        "Thư ký Hội đồng, ThS. Nguyễn Văn Ba đọc biên bản",
        [("Nguyễn Văn Ba", None, "ThS.", [])],
    ),
    # capitals: case restored in the name, the rest as printed
    ("ông NGUYỄN VĂN AN phát biểu", [("Nguyễn Văn An", "ông", None, [])]),
    ("ÔNG NGUYỄN VĂN AN PHÁT BIỂU TẠI HỘI NGHỊ", [("Nguyễn Văn An", "ông", None, [])]),
    (
        "ÔNG NGUYỄN VĂN AN - GIÁM ĐỐC SỞ KH&CN PHÁT BIỂU",
        [("Nguyễn Văn An", "ông", None, [("Giám đốc", "SỞ KH&CN")])],
    ),
    (
        "GIÁM ĐỐC SỞ KH&CN NGUYỄN VĂN AN PHÁT BIỂU",
        [("Nguyễn Văn An", None, None, [("Giám đốc", "SỞ KH&CN")])],
    ),
    # titles in any case, with or without diacritics, either tone placement
    (
        "ông Lê Văn Bảy - PHÓ GIÁM ĐỐC SỞ; ông Lê Văn Tư - Pho Giam doc So KH&CN; bà Lê Thị "
        "Năm - Phó Chủ Tịch UBND tỉnh",
        [
            ("Lê Văn Bảy", "ông", None, [("Phó Giám đốc", "SỞ")]),
            ("Lê Văn Tư", "ông", None, [("Phó Giám đốc", "So KH&CN")]),
            ("Lê Thị Năm", "bà", None, [("Phó Chủ tịch", "UBND tỉnh")]),
        ],
    ),
    (
        "Bí thư Đảng uỷ Lâm Văn Tân phát biểu",
        [("Lâm Văn Tân", None, None, [("Bí thư", "Đảng uỷ")])],
    ),
    (
        "Đồng chí Nguyễn Văn An, Uỷ viên Ban Thường vụ Tỉnh uỷ",
        [("Nguyễn Văn An", DC, None, [("Ủy viên", "Ban Thường vụ Tỉnh uỷ")])],
    ),
    # "Ð" (U+00D0) printed for "Đ"
    (
        "Ðồng chí Lâm Văn Tân, Bí thư Đảng ủy",
        [("Lâm Văn Tân", DC, None, [("Bí thư", "Đảng ủy")])],
    ),
    # units stop at ";", ".", a line break, a quote, a predicate
    (
        "ông Võ Minh Thuận - Phó Giám đốc Sở. Sau đó",
        [("Võ Minh Thuận", "ông", None, [("Phó Giám đốc", "Sở")])],
    ),
    (
        "bà Lê Thị Mai - Giám đốc Trung tâm “Đổi mới sáng tạo”",
        [("Lê Thị Mai", "bà", None, [("Giám đốc", "Trung tâm")])],
    ),
    (
        "ông Trần Văn Nam - Phó Giám đốc Sở đã ký quyết định",
        [("Trần Văn Nam", "ông", None, [("Phó Giám đốc", "Sở")])],
    ),
    (
        "ông Trần Văn Nam - Giám đốc Sở KH&CN Bến Tre tặng quà",
        [("Trần Văn Nam", "ông", None, [("Giám đốc", "Sở KH&CN Bến Tre")])],
    ),
]

# No person: common words after an honorific, organisations, places, titles without names.
NO_PERSON = [
    "",
    "   ",
    "Bà con nông dân phấn khởi khi nhận giống mới.",
    "Ông bà ta có câu: uống nước nhớ nguồn.",
    "Tham dự Hội nghị có các đồng chí trong Ban Giám đốc Sở, lãnh đạo các phòng.",
    "Đồng chí đề nghị các phòng, đơn vị khẩn trương ổn định tổ chức.",
    "Đồng chí Giám đốc Sở nhấn mạnh, việc hợp nhất nhằm thực hiện chủ trương tinh gọn bộ máy.",
    "Dịp này, 04 tập thể và 07 cá nhân được nhận Giấy khen của Giám đốc Sở.",
    "Ngày 24/6/2024, Chủ tịch UBND tỉnh Kiên Giang ban hành Quyết định số 1587/QĐ-UBND.",
    "Sở KH&CN tỉnh Bà Rịa Vũng Tàu tổ chức hội nghị.",
    "Nhiều tỉnh như Thanh Hoá, Khánh Hoà, Bà Rịa - Vũng Tàu, Đắk Lắk đã lồng ghép Chương trình.",
    "Trụ sở mới tại số 12 đường Ông Ích Khiêm, gần phố Bà Triệu.",
    "Hội đồng khoa học và công nghệ chuyên ngành do Sở Khoa học và Công nghệ thành lập.",
    "triển khai 61 nhiệm vụ KH&CN. Hầu hết các nhiệm vụ KH&CN. Năm 2019, toàn tỉnh",
    "Giám đốc Sở Khoa học và Công nghệ Bến Tre tổ chức buổi làm việc.",
    "Giám đốc Sở KH&CN TP. Hồ Chí Minh cho biết",
    "Viện trưởng Viện Lúa Đồng bằng sông Cửu Long phát biểu.",
    "Giám đốc Công viên địa chất Non nước Cao Bằng cho biết",
    "và toàn bộ chuyên viên Khối Văn phòng Sở.",
    "Ông cho biết. Bà phát biểu. Đồng chí Sở KH&CN tổ chức.",
    "Đại hội đã bầu ra Ban chấp hành nhiệm kỳ 2017 - 2022 với 9 đồng chí.",
    "hội nghị bầu ra Ban thanh tra nhân dân gồm 05 đồng chí và phát động phong trào thi đua.",
    "Tỉnh có ba Phó Giám đốc Sở.",
    "ông Nguyễn. Bà Lan.",
    "Bà Mẹ Việt Nam Anh hùng Nguyễn Thị Thứ",
    "đã bầu chủ tịch công đoàn Nguyễn Văn An",
    "Đồng chí Giám đốc Sở KH&CN và các đồng chí Phó Giám đốc Sở cùng dự.",
    "Thực hiện Quyết định của Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng, từ ngày",
    "phong cách Hồ Chí Minh",
    "Sở Khoa học và Công nghệ (KH&CN) tỉnh Kiên Giang. A A",
]

TABLE = SEED_SENTENCES + MIRROR_SENTENCES + FORMATS_SENTENCES + MORE_SHAPES


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_find_people(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text", NO_PERSON)
def test_no_person(text):
    assert find_people(text) == []


@pytest.mark.parametrize("text", [t for t, _ in TABLE] + NO_PERSON)
def test_spans(text):
    check_spans(text)


@pytest.mark.parametrize(
    ("text", "mention_text", "position_texts"),
    [
        (
            "Phát biểu, đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN đến dự.",
            "đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN",
            ["Bí thư Đảng ủy", "Giám đốc Sở KH&CN"],
        ),
        (
            "Ông Đoàn Văn Nhã - Phó Giám đốc Sở, nguyên Phó Giám đốc Sở Thông tin và Truyền "
            "thông, cho biết",
            "Ông Đoàn Văn Nhã - Phó Giám đốc Sở, nguyên Phó Giám đốc Sở Thông tin và Truyền thông",
            ["Phó Giám đốc Sở", "nguyên Phó Giám đốc Sở Thông tin và Truyền thông"],
        ),
        (
            "ông Nguyễn Văn An (Giám đốc Sở KH&CN) phát biểu",
            "ông Nguyễn Văn An (Giám đốc Sở KH&CN)",
            ["Giám đốc Sở KH&CN"],
        ),
        (
            "Ông Lê Văn An - Quyền Giám đốc Sở; bà",
            "Ông Lê Văn An - Quyền Giám đốc Sở",
            ["Quyền Giám đốc Sở"],
        ),
        (
            "Đồng chí Võ Văn Hoàng Em-Phó Chủ tịch công đoàn viên chức tỉnh cùng",
            "Đồng chí Võ Văn Hoàng Em-Phó Chủ tịch công đoàn viên chức tỉnh",
            ["Phó Chủ tịch công đoàn viên chức tỉnh"],
        ),
        (
            "Chủ tịch UBND tỉnh Bến Tre Trần Ngọc Tam phát biểu",
            "Chủ tịch UBND tỉnh Bến Tre Trần Ngọc Tam",
            ["Chủ tịch UBND tỉnh Bến Tre"],
        ),
        ("Đ/c Hoàng Minh chủ trì", "Đ/c Hoàng Minh", []),
        (
            "ông Trần Văn Nam - Giám đốc\u00a0Sở chủ trì",
            "ông Trần Văn Nam - Giám đốc\u00a0Sở",
            ["Giám đốc Sở"],
        ),
    ],
)
def test_mention_and_position_text(text, mention_text, position_texts):
    (mention,) = find_people(text)
    assert mention.text == mention_text
    assert text[mention.start : mention.end] == mention_text
    assert [p.text for p in mention.positions] == position_texts


def test_spans_count_in_the_input():
    text = "Tại hội nghị, ông Võ Minh Thuận - Phó Giám đốc Sở cho biết."
    (mention,) = find_people(text)
    assert (mention.start, mention.end) == (14, 49)
    assert text[14:49] == "ông Võ Minh Thuận - Phó Giám đốc Sở"


def test_decomposed_input_gives_spans_of_the_input():
    composed = "Phát biểu, đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN chủ trì"
    decomposed = unicodedata.normalize("NFD", composed)
    assert len(decomposed) > len(composed)
    (mention,) = find_people(decomposed)
    assert decomposed[mention.start : mention.end] == mention.text
    assert unicodedata.normalize("NFC", mention.text) == (
        "đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN"
    )
    assert mention.name == "Lâm Văn Tân"  # stored in NFC
    assert [(p.title, p.unit) for p in mention.positions] == [
        ("Bí thư", "Đảng ủy"),
        ("Giám đốc", "Sở KH&CN"),
    ]


def test_mentions_are_frozen_values():
    (mention,) = find_people("Ông Phạm Quốc Huy - Phó Giám đốc Sở")
    assert mention.positions == [Position("Phó Giám đốc", "Sở", "Phó Giám đốc Sở")]
    with pytest.raises(AttributeError):
        mention.name = "x"  # type: ignore[misc]


# -- the seeds, whole ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "names"),
    [
        ("000_697101c61297bdfd.txt", ["Võ Văn Hoàng Em", "Lê Văn Khê"]),
        ("001_bece19b327cfb03e.txt", ["Lê Thanh Việt", "Hồ Chí Minh"]),
        ("002_e03e10ae81d05500.txt", ["Hoàng Giang"]),
        ("003_350a1b6d85196bd3.txt", ["Lâm Văn Tân", "Lâm Văn Tân", "Lâm Văn Tân"]),
        ("004_f14f1f27b0ed46fa.txt", ["Phạm Thị Thơ"]),
    ],
)
def test_seed_articles(seed, names):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert [m.name for m in find_people(text)] == names
    check_spans(text)


def test_a_20_kb_body_is_fast():
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    body = (body * 2)[:20_000]
    find_people(body)  # data and patterns load once
    started = time.perf_counter()
    found = find_people(body)
    elapsed = time.perf_counter() - started
    assert found
    assert elapsed < 0.2, f"{elapsed * 1000:.0f} ms"  # ~10 ms here; generous for slow CI


@pytest.mark.parametrize(
    "text",
    [
        "Giám đốc Sở " * 1700,
        "Giám đốc Sở Khoa học và công nghệ " * 600,
        "Ông " * 5000,
        "Đồng chí Nguyễn Văn An, " * 850,
        "Bà Rịa Vũng Tàu " * 1300,
    ],
    ids=["titles", "titles-and-units", "honorifics", "mentions", "places"],
)
def test_dense_input_stays_linear(text):
    started = time.perf_counter()
    find_people(text)
    assert time.perf_counter() - started < 3.0  # quadratic: tens of seconds


# -- data/positions.csv ---------------------------------------------------------------------


def _position_rows() -> list[dict[str, str]]:
    with (DATA_DIR / "positions.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["title", "rank"]
        return list(reader)


POSITION_ROWS = _position_rows()


def test_positions_csv_is_clean():
    titles = [row["title"] for row in POSITION_ROWS]
    assert len({fold(t) for t in titles}) == len(titles)  # no two rows match the same text
    for row in POSITION_ROWS:
        title = row["title"]
        assert title == unicodedata.normalize("NFC", title).strip()
        assert "uỷ" not in title.lower()  # modern official placement: "ủy"
        assert row["rank"] == "" or row["rank"].isdigit()
    for required in ["Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Chánh Thanh tra"]:
        assert required in titles
    for required in ["Trưởng phòng", "Chi cục trưởng", "Bí thư", "Chủ tịch", "Ủy viên"]:
        assert required in titles


@pytest.mark.parametrize("row", POSITION_ROWS, ids=[r["title"] for r in POSITION_ROWS])
def test_every_title_is_found_after_a_name(row):
    title = row["title"]
    text = f"Ông Nguyễn Văn An - {title} Sở KH&CN cho biết"
    assert summary(text) == [("Nguyễn Văn An", "ông", None, [(title, "Sở KH&CN")])]
    upper = f"ông Nguyễn Văn An, {title.upper()}, phát biểu"
    assert summary(upper) == [("Nguyễn Văn An", "ông", None, [(title, None)])]


def test_ranks_order_seniority():
    rank = {row["title"]: int(row["rank"]) for row in POSITION_ROWS if row["rank"]}
    assert rank["Bộ trưởng"] < rank["Thứ trưởng"] < rank["Giám đốc"] < rank["Phó Giám đốc"]
    assert rank["Bí thư"] < rank["Phó Bí thư"]
    assert rank["Chủ tịch"] < rank["Phó Chủ tịch"]
    assert rank["Trưởng phòng"] < rank["Phó Trưởng phòng"] < rank["Chuyên viên"]
    assert rank["Chi cục trưởng"] < rank["Phó Chi cục trưởng"]
    assert "Ủy viên" not in rank  # a member of a body: no place in a chain of command


# -- any text --------------------------------------------------------------------------------

FRAGMENTS = [
    "Đồng chí ",
    "đồng chí ",
    "Đ/c ",
    "Ông ",
    "ông ",
    "bà ",
    "Bà ",
    "TS. ",
    "PGS.TS.",
    "KS.",
    "Nguyễn ",
    "Văn ",
    "An",
    "Lê Thị Mai",
    "NGUYỄN VĂN AN",
    "Giám đốc ",
    "Phó Chủ tịch ",
    "Bí thư ",
    "nguyên ",
    "Sở KH&CN",
    "Sở ",
    "UBND tỉnh ",
    "Bến Tre ",
    "Bà Rịa ",
    "Vũng Tàu",
    ", ",
    " - ",
    "-",
    " – ",
    " kiêm ",
    " và ",
    "(",
    ")",
    ".",
    "\n",
    " chủ trì",
    " cho biết",
    "TP. ",
    "Ð",
    "\u0301",
    "\u00a0",
    " ",
]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises(text):
    for m in find_people(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_text_made_of_mention_parts(text):
    titles = {row["title"] for row in POSITION_ROWS}
    previous_end = 0
    for m in find_people(text):
        assert previous_end <= m.start <= m.end <= len(text)
        previous_end = m.end
        assert text[m.start : m.end] == m.text
        assert 2 <= len(m.name.split()) <= 5
        assert m.honorific in (None, "đồng chí", "ông", "bà")
        assert all(p.title in titles for p in m.positions)
