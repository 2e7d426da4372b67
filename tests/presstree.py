"""A content tree for the press tests (feeds and pages): events the press
is invited to (timed and all-day deadlines, a press contact or only the
official one, a lunar series, a cancelled event) and events it is not.
Files below ``events/``, for ``contenttree.make_tree``.  ``ABROAD`` is an
invited event in another time zone, for the tests that need one."""

EVENTS = {
    "so-vhttdl/hop-bao.yaml": """\
        title: Họp báo Tuần Văn hoá
        summary: Thông tin về chương trình.
        category: van-hoa
        start: 2026-03-10 09:00
        end: 2026-03-10 10:30
        location: {name: Hội trường Sở, area: tan-phong}
        contact: {name: Văn phòng Sở, phone: "0213 3800 003"}
        press:
          invited: true
          accreditation_deadline: 2026-03-09 17:00
          note: Mỗi cơ quan đăng ký tối đa 2 phóng viên.
          contact: {name: Tiểu ban Tuyên truyền, phone: "0912 000 136", email: baochi@example.vn}
        """,
    "so-vhttdl/ngay-hoi.yaml": """\
        title: Ngày hội ba ngày
        summary: Ba ngày hội.
        category: le-hoi
        start: 2026-03-20
        end: 2026-03-22
        location: {name: Quảng trường, area: tan-phong}
        contact: {name: Ban tổ chức, phone: "0213 3800 777", email: btc@example.vn}
        press: {invited: true, accreditation_deadline: 2026-03-15}
        """,
    "ubnd-xa-khong-lao/then-kin-pang.yaml": """\
        title: Lễ hội Then Kin Pang
        summary: Lễ hội cầu mưa.
        category: le-hoi
        start: 2025-04-07 07:30
        end: 2025-04-07 17:00
        repeat: lunar-yearly
        location: {name: Sân văn hoá, area: khong-lao}
        contact: {name: UBND xã, phone: "0213 3811 111"}
        press: {invited: true, accreditation_deadline: 2026-04-20 11:00}
        """,
    "ubnd-xa-khong-lao/cho-phien.yaml": """\
        title: Chợ phiên vùng cao
        summary: Chợ phiên.
        category: van-hoa
        start: 2026-03-23 06:00
        end: 2026-03-23 11:30
        status: cancelled
        status_note: Mưa lũ
        location: {name: Chợ trung tâm, area: khong-lao}
        contact: {name: UBND xã, phone: "0213 3811 111"}
        press: {invited: true, accreditation_deadline: 2026-03-20 10:00}
        """,
    "so-vhttdl/khong-moi.yaml": """\
        title: Hội nghị nội bộ
        summary: Chỉ dành cho đại biểu.
        category: van-hoa
        start: 2026-03-12 08:00
        location: {name: Phòng họp, area: tan-phong}
        contact: {name: Văn phòng, phone: "0213 3800 004"}
        press:
          invited: false
          accreditation_deadline: 2026-03-05
          contact: {name: Không ai, phone: "0999 999 999"}
        """,
    "so-vhttdl/binh-thuong.yaml": """\
        title: Đêm văn nghệ
        summary: Văn nghệ.
        category: van-hoa
        start: 2026-03-14 19:30
        location: {name: Sân khấu, area: tan-phong}
        contact: {name: Nhà văn hoá, phone: "0213 3800 005"}
        """,
}

ABROAD = {
    "so-vhttdl/xuc-tien-osaka.yaml": """\
        title: Xúc tiến du lịch tại Osaka
        summary: Giới thiệu du lịch Lai Châu tại Nhật Bản.
        category: van-hoa
        start: 2026-03-27 10:00
        end: 2026-03-27 16:00
        timezone: Asia/Tokyo
        location: {name: Trung tâm hội nghị Osaka}
        contact: {name: Phòng Xúc tiến, phone: "0213 3800 333"}
        press: {invited: true, accreditation_deadline: 2026-03-25 12:00}
        en: {title: Tourism promotion in Osaka, summary: Lai Chau tourism presented in Japan.}
        """,
}
