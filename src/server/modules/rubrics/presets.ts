import type { RubricInput } from '../../../shared/rubrics';

type Preset = Omit<RubricInput, 'ownerOrgId'> & { presetKey: string };

const c = (title: string, maxPoints: number) => ({ title, maxPoints });

/**
 * The 12 lesson-analysis criteria (Công văn 5555/BGDĐT-GDTrH, 1315/BGDĐT-GDTrH) in 3 groups. "No grading": they are
 * prompts for the discussion after a study lesson; the teacher is not scored (maxPoints 0).
 */
const lessonAnalysis: Preset = {
  presetKey: 'lesson_analysis_12',
  name: 'Phân tích bài học (12 tiêu chí, không chấm điểm)',
  purpose: 'lesson_analysis',
  noGrading: true,
  groups: [
    {
      key: 'plan',
      title: 'Kế hoạch và tài liệu dạy học',
      criteria: [
        c('Mức độ phù hợp của chuỗi hoạt động học với mục tiêu, nội dung và phương pháp dạy học được sử dụng', 0),
        c('Mức độ rõ ràng của mục tiêu, nội dung, kĩ thuật tổ chức và sản phẩm cần đạt được của mỗi nhiệm vụ học tập', 0),
        c('Mức độ phù hợp của thiết bị dạy học và học liệu được sử dụng để tổ chức các hoạt động học của học sinh', 0),
        c('Mức độ hợp lí của phương án kiểm tra, đánh giá trong quá trình tổ chức hoạt động học của học sinh', 0),
      ],
    },
    {
      key: 'organising',
      title: 'Tổ chức hoạt động học cho học sinh',
      criteria: [
        c('Mức độ sinh động, hấp dẫn học sinh của phương pháp và hình thức chuyển giao nhiệm vụ học tập', 0),
        c('Khả năng theo dõi, quan sát, phát hiện kịp thời những khó khăn của học sinh', 0),
        c('Mức độ phù hợp, hiệu quả của các biện pháp hỗ trợ và khuyến khích học sinh hợp tác, giúp đỡ nhau', 0),
        c('Mức độ hiệu quả hoạt động của giáo viên trong việc tổng hợp, phân tích, đánh giá kết quả hoạt động', 0),
      ],
    },
    {
      key: 'students',
      title: 'Hoạt động của học sinh',
      criteria: [
        c('Khả năng tiếp nhận và sẵn sàng thực hiện nhiệm vụ học tập của tất cả học sinh trong lớp', 0),
        c('Mức độ tích cực, chủ động, sáng tạo, hợp tác của học sinh trong việc thực hiện các nhiệm vụ học tập', 0),
        c('Mức độ tham gia tích cực của học sinh trong trình bày, trao đổi, thảo luận về kết quả thực hiện nhiệm vụ', 0),
        c('Mức độ đúng đắn, chính xác, phù hợp của các kết quả thực hiện nhiệm vụ học tập của học sinh', 0),
      ],
    },
  ],
};

const dossierGroup = {
  key: 'dossier',
  title: 'Hồ sơ tổ chuyên môn',
  criteria: [
    c('Kế hoạch tổ chuyên môn năm học: đầy đủ, cụ thể, khả thi', 15),
    c('Sổ ghi nội dung các cuộc họp chuyên môn: ghi chép đầy đủ, đúng định kỳ', 15),
    c('Hồ sơ trình bày khoa học, minh chứng phù hợp', 10),
  ],
};

const presentationGroup = {
  key: 'presentation',
  title: 'Báo cáo trình chiếu video clip',
  criteria: [
    c('Nội dung chuyên đề đúng trọng tâm, có đổi mới', 20),
    c('Chất lượng video clip: được đầu tư, tránh hình thức', 15),
    c('Báo cáo viên trình bày rõ ràng, đúng thời gian (không quá 20 phút)', 15),
    c('Tính thực tiễn, khả năng áp dụng và nhân rộng', 10),
  ],
};

/** Rubric presets every installation has (seed 004's panel: dossier and video-report scoring; points are defaults). */
export const RUBRIC_PRESETS: Preset[] = [
  lessonAnalysis,
  { presetKey: 'panel_dossier', name: 'Chấm hồ sơ tổ chuyên môn (40 điểm)', purpose: 'dossier', noGrading: false, groups: [dossierGroup] },
  {
    presetKey: 'panel_presentation',
    name: 'Chấm báo cáo trình chiếu video clip (60 điểm)',
    purpose: 'presentation',
    noGrading: false,
    groups: [presentationGroup],
  },
  {
    presetKey: 'panel_seed004',
    name: 'Tổ điều hành: hồ sơ và báo cáo video clip (100 điểm)',
    purpose: 'panel',
    noGrading: false,
    groups: [dossierGroup, presentationGroup],
  },
];
