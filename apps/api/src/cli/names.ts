// Vietnamese names and places for demo data (common, plausible; no real persons intended).
export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lương', 'Mai', 'Đoàn', 'Tạ', 'Cao', 'Châu'];
// Weights roughly follow how common each family name is.
export const FAMILY_WEIGHTS = [38, 11, 9, 7, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1];
export const MIDDLE_MALE = ['Văn', 'Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Đình', 'Quang', 'Anh', 'Tấn'];
export const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ', 'Hồng', 'Phương', 'Minh', 'Bích'];
export const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Ứng', 'Lộc', 'Toàn', 'Khoa', 'Đông'];
export const GIVEN_FEMALE = ['Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Hường', 'Lan', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Yến', 'Liên', 'Diệu', 'Tâm', 'Xuân'];
export const PLACES = ['Quy Nhơn', 'An Nhơn', 'Hoài Nhơn', 'Tuy Phước', 'Phù Cát', 'Phù Mỹ', 'Tây Sơn', 'Hoài Ân', 'An Lão', 'Vân Canh', 'Vĩnh Thạnh'];
export const PROVINCE = 'Bình Định';
export const AGENCIES = [
  'Sở Tài chính', 'Sở Tư pháp', 'Sở Nội vụ', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Xây dựng', 'Sở Công Thương', 'Sở Nông nghiệp và Môi trường',
  'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Sở Dân tộc và Tôn giáo', 'Thanh tra tỉnh', 'Văn phòng UBND tỉnh',
  'Văn phòng Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy', 'Báo Bình Định', 'Đài Phát thanh và Truyền hình',
  'Bảo hiểm xã hội tỉnh', 'Kho bạc Nhà nước khu vực', 'Cục Thuế tỉnh', 'Cục Thống kê', 'Ngân hàng Nhà nước chi nhánh', 'Tòa án nhân dân tỉnh',
  'Viện Kiểm sát nhân dân tỉnh', 'Hội Nông dân tỉnh', 'Tỉnh Đoàn', 'Hội Liên hiệp Phụ nữ tỉnh', 'Liên đoàn Lao động tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh',
  'Trường Chính trị tỉnh', 'Bệnh viện Đa khoa tỉnh', 'Trường Cao đẳng Kỹ thuật Công nghệ', 'Trung tâm Kiểm soát bệnh tật', 'Ban Quản lý Khu kinh tế',
  'Quỹ Đầu tư phát triển', 'Trung tâm Xúc tiến Đầu tư', 'Hội Chữ thập đỏ tỉnh', 'Liên hiệp các Hội Khoa học và Kỹ thuật', 'Hội Cựu chiến binh tỉnh',
  'Sở Ngoại vụ', 'Ban Dân tộc', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', 'Trung tâm Phục vụ hành chính công', 'Bệnh viện Y học cổ truyền',
];
export const UNITS = ['Văn phòng', 'Phòng Tổ chức cán bộ', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ 1', 'Phòng Nghiệp vụ 2', 'Phòng Thanh tra', 'Phòng Tổng hợp',
  'Trung tâm Dịch vụ', 'Phòng Hành chính - Quản trị', 'Khoa Nội', 'Khoa Ngoại', 'Phòng Pháp chế', 'Phòng Quản lý chuyên ngành', 'Chi cục', 'Ban Biên tập', 'Phòng Kỹ thuật'];
export const JOBS = ['Công chức', 'Viên chức', 'Bác sĩ', 'Giáo viên', 'Kỹ sư', 'Chuyên viên', 'Kế toán', 'Phóng viên', 'Điều dưỡng'];
export const POSTS = [null, null, null, 'Chuyên viên', 'Chuyên viên chính', 'Phó Trưởng phòng', 'Trưởng phòng', 'Phó Giám đốc', 'Giám đốc'];
export const PROFESSIONAL = ['Cử nhân Luật', 'Cử nhân Kinh tế', 'Kỹ sư Xây dựng', 'Thạc sĩ Quản lý công', 'Bác sĩ đa khoa', 'Cử nhân Sư phạm', 'Cử nhân Báo chí', 'Thạc sĩ Kinh tế', 'Cử nhân Hành chính'];
export const THEORY = ['Sơ cấp', 'Trung cấp', 'Trung cấp', 'Cao cấp', 'Cử nhân'];
