import type { CriteriaSetInput } from '@/lib/validations/criteria-set';

// Provisional wording: our summary of public reporting on Quyết định 5764/QĐ-BCA-V05; the
// official annex is not public. Thresholds marked "provisional" are placeholders an
// administrator should confirm.

const taskRating = {
  ratingScale: [
    'Không hoàn thành nhiệm vụ',
    'Hoàn thành nhiệm vụ',
    'Hoàn thành tốt nhiệm vụ',
    'Hoàn thành xuất sắc nhiệm vụ',
  ],
  ratingScaleEn: ['Did not complete duties', 'Completed duties', 'Completed duties well', 'Completed duties excellently'],
};

const movementRating = {
  ratingScale: ['Yếu', 'Trung bình', 'Khá', 'Tốt'],
  ratingScaleEn: ['Weak', 'Average', 'Fair', 'Good'],
};

export const criteriaSet22: CriteriaSetInput = {
  code: 'QD5764-2021',
  title: 'Bộ 22 tiêu chí Công an phường điển hình, kiểu mẫu (tạm thời)',
  titleEn: 'The 22 provisional criteria for model ward police',
  issuingDocument: 'Quyết định 5764/QĐ-BCA-V05 ngày 13/7/2021',
  isProvisional: true,
  years: [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030],
  pillars: [
    { position: 1, name: 'Xây dựng lực lượng', nameEn: 'Building the force' },
    { position: 2, name: 'Bảo đảm an ninh, trật tự', nameEn: 'Security and public order' },
    { position: 3, name: 'Văn minh đô thị', nameEn: 'Urban civility' },
  ],
  criteria: [
    { number: 1, pillar: 1, title: 'Tổ chức đảng Công an phường trong sạch, vững mạnh', titleEn: 'Ward police Party cell rated clean and strong', measureKind: 'RATING', comparator: 'GTE', threshold: 2, ...taskRating, evidenceGuidance: 'Quyết định xếp loại tổ chức đảng của cấp ủy cấp trên.' },
    { number: 2, pillar: 1, title: 'Không có cán bộ, chiến sĩ vi phạm kỷ luật', titleEn: 'No officer disciplined', measureKind: 'COUNT', comparator: 'EQ', threshold: 0, evidenceGuidance: 'Báo cáo công tác kiểm tra, kỷ luật trong kỳ.' },
    { number: 3, pillar: 1, title: 'Lễ tiết, tác phong, văn hóa ứng xử với Nhân dân', titleEn: 'Conduct and courtesy toward citizens', measureKind: 'BOOLEAN', evidenceGuidance: 'Biên bản kiểm tra điều lệnh; phản ánh của người dân.' },
    { number: 4, pillar: 1, title: 'Trụ sở làm việc đạt chuẩn', titleEn: 'Headquarters meets the standard', measureKind: 'BOOLEAN', evidenceGuidance: 'Biên bản nghiệm thu, ảnh chụp trụ sở.' },
    { number: 5, pillar: 1, title: 'Trang thiết bị, phương tiện, chuyển đổi số', titleEn: 'Equipment, vehicles, digital tools', measureKind: 'BOOLEAN', evidenceGuidance: 'Danh mục trang thiết bị, phương tiện được cấp.' },
    { number: 6, pillar: 1, title: 'Công an phường đạt danh hiệu thi đua', titleEn: 'Ward police earns an emulation title', measureKind: 'BOOLEAN', evidenceGuidance: 'Quyết định tặng danh hiệu thi đua.' },
    { number: 7, pillar: 2, title: 'Nắm chắc tình hình, không để bị động, bất ngờ', titleEn: 'No unforeseen security incident', measureKind: 'BOOLEAN', evidenceGuidance: 'Báo cáo tình hình an ninh, trật tự.' },
    { number: 8, pillar: 2, title: 'Kéo giảm tội phạm về trật tự xã hội so với cùng kỳ', titleEn: 'Social-order crime down on the same period', measureKind: 'CHANGE', comparator: 'LT', threshold: 0, evidenceGuidance: 'Số liệu thống kê tội phạm kỳ này và cùng kỳ năm trước.' },
    { number: 9, pillar: 2, title: 'Tiếp nhận, xử lý tin báo, tố giác tội phạm', titleEn: 'Crime reports received and handled', measureKind: 'PERCENT', comparator: 'EQ', threshold: 100, evidenceGuidance: 'Sổ tiếp nhận, kết quả phân loại, xử lý tin báo.' },
    { number: 10, pillar: 2, title: 'Không phát sinh tụ điểm ma túy, tệ nạn; không có băng nhóm kiểu "xã hội đen"', titleEn: 'No drug or gang hot spots', measureKind: 'BOOLEAN', evidenceGuidance: 'Báo cáo rà soát địa bàn.' },
    { number: 11, pillar: 2, title: 'Quản lý cư trú, dữ liệu dân cư, căn cước (Đề án 06)', titleEn: 'Residence, population data and ID (Project 06)', measureKind: 'PERCENT', comparator: 'GTE', threshold: 95, description: 'Ngưỡng 95% là tạm thời.', descriptionEn: 'The 95% threshold is provisional.', evidenceGuidance: 'Số liệu làm sạch dữ liệu dân cư, cấp căn cước.' },
    { number: 12, pillar: 2, title: 'Quản lý ngành nghề kinh doanh có điều kiện, vũ khí, vật liệu nổ, công cụ hỗ trợ', titleEn: 'Licensed trades, weapons, explosives', measureKind: 'BOOLEAN', evidenceGuidance: 'Biên bản kiểm tra cơ sở kinh doanh có điều kiện.' },
    { number: 13, pillar: 2, title: 'Phòng cháy, chữa cháy, cứu nạn, cứu hộ', titleEn: 'Fire prevention and rescue', measureKind: 'COUNT', comparator: 'GTE', threshold: 2, description: 'Số mô hình PCCC hoạt động hiệu quả; ngưỡng 2 là tạm thời.', descriptionEn: 'Active fire-safety models; the threshold of 2 is provisional.', evidenceGuidance: 'Quyết định thành lập, báo cáo hoạt động mô hình.' },
    { number: 14, pillar: 2, title: 'Kiềm chế, kéo giảm tai nạn giao thông', titleEn: 'Traffic accidents held down', measureKind: 'CHANGE', comparator: 'LTE', threshold: 0, evidenceGuidance: 'Số vụ tai nạn giao thông kỳ này và cùng kỳ.' },
    { number: 15, pillar: 2, title: 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc', titleEn: 'The all-people security movement', measureKind: 'RATING', comparator: 'GTE', threshold: 2, ...movementRating, evidenceGuidance: 'Kết quả xếp loại phong trào.' },
    { number: 16, pillar: 2, title: 'Cải cách hành chính: thủ tục trên Cổng dịch vụ công, đúng hạn', titleEn: 'Administrative procedures online and on time', measureKind: 'PERCENT', comparator: 'EQ', threshold: 100, evidenceGuidance: 'Thống kê hồ sơ trên Cổng dịch vụ công.' },
    { number: 17, pillar: 3, title: 'Trật tự đô thị, lòng đường, vỉa hè', titleEn: 'Street and sidewalk order', measureKind: 'BOOLEAN', evidenceGuidance: 'Ảnh, biên bản kiểm tra tuyến phố.' },
    { number: 18, pillar: 3, title: 'Vệ sinh môi trường, cảnh quan sáng – xanh – sạch – đẹp', titleEn: 'Clean, green streets', measureKind: 'BOOLEAN', evidenceGuidance: 'Ảnh, kết quả phong trào của địa phương.' },
    { number: 19, pillar: 3, title: 'Khu dân cư, cơ quan, trường học đạt chuẩn "An toàn về ANTT"', titleEn: 'Neighbourhoods and schools rated safe', measureKind: 'PERCENT', comparator: 'GTE', threshold: 80, description: 'Ngưỡng 80% là tạm thời.', descriptionEn: 'The 80% threshold is provisional.', evidenceGuidance: 'Quyết định công nhận đạt chuẩn an toàn về ANTT.' },
    { number: 20, pillar: 3, title: 'Tuyên truyền, phổ biến, giáo dục pháp luật', titleEn: 'Legal education and outreach', measureKind: 'BOOLEAN', evidenceGuidance: 'Kế hoạch, báo cáo các buổi tuyên truyền.' },
    { number: 21, pillar: 3, title: 'Sự hài lòng của người dân', titleEn: 'Citizen satisfaction', measureKind: 'PERCENT', comparator: 'GTE', threshold: 80, description: 'Ngưỡng 80% là tạm thời.', descriptionEn: 'The 80% threshold is provisional.', evidenceGuidance: 'Kết quả khảo sát sự hài lòng.' },
    { number: 22, pillar: 3, title: 'Đảng ủy, UBND phường xếp loại hoàn thành tốt nhiệm vụ trở lên', titleEn: 'Ward Party committee and People\'s Committee rated "good" or better', measureKind: 'RATING', comparator: 'GTE', threshold: 2, ...taskRating, evidenceGuidance: 'Quyết định xếp loại của cấp có thẩm quyền.' },
  ],
};
