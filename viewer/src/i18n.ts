/**
 * The viewer's interface texts in Vietnamese and English. Scenario texts
 * carry their own languages ({ vi, en }) and are picked with the engine's
 * textIn; these are the labels around them.
 */
export type Lang = 'vi' | 'en';

const en = {
  skipToTimeline: 'Skip to the timeline',
  run: 'Run', compareWith: 'Compare with', none: '(none)', layout: 'Layout', sideBySide: 'side by side', overlay: 'overlaid',
  openFiles: 'Open run logs…', copyLink: 'Copy link to this moment', linkCopied: 'Link copied', keys: 'Keys', close: 'Close',
  empty: 'Open a run log (written by drill run --out) with the button above, or drop it here.',
  dropHere: 'Drop run logs to open them',
  messages: 'Messages', decisions: 'Decisions', objectives: 'Objectives', metrics: 'Metrics', board: 'Board',
  prevEvent: 'Previous event', nextEvent: 'Next event', play: 'Play', pause: 'Pause', speed: 'Speed', timeline: 'Time',
  loading: 'Opening', cannotOpen: 'Cannot open', cannotReplay: 'Cannot replay', notDelivered: 'not delivered', delivered: 'delivered', pending: 'not yet',
  from: 'from', to: 'to', expected: 'expected', within: 'within', answered: 'answered', expired: 'deadline passed, default applied',
  done: 'done', latency: 'latency', notDone: 'expected action not taken', by: 'by',
  rating: 'Rating', happened: 'happened at', value: 'value', threshold: 'threshold', readAt: 'read at', met: 'met', notMet: 'not met', evidence: 'evidence', jump: 'go to',
  notTested: 'not tested in this run',
  notTestedWhy: {
    no_incident: 'no incident of this kind', nobody_at_risk: 'nobody at risk', inject_not_delivered: 'the inject was not delivered',
    shelter_unused: 'nobody came to the shelter', never_cut_off: 'the area was never cut off', not_called_for: 'forces never exceeded and no inject asked for it',
  } as Record<string, string>,
  never: 'never', final: 'At the end of the run', atTime: 'At this time',
  incidents: 'Incidents', reported: 'reported', contained: 'contained', resolved: 'resolved', open: 'open',
  people: 'People', atRisk: 'at risk', rescued: 'rescued', lost: 'lost', stillAtRisk: 'still at risk', evacuated: 'evacuated to shelters',
  response: 'Response', meanFirst: 'mean time to first unit on scene', worstFirst: 'worst', taken: 'taken', refused: 'refused',
  units: 'Units', unit: 'Unit', state: 'State', incident: 'Incident', severity: 'Severity', phase: 'Phase', area: 'Area', where: 'Where',
  injects: 'Injects', levels: 'Level declarations', hazards: 'Hazards',
  diverges: 'Runs diverge at', identical: 'the two runs are identical', differentScenario: 'different scenarios',
  runA: 'A', runB: 'B', seed: 'seed', events: 'events',
  legend: 'Legend', roadOpen: 'road open', roadDegraded: 'road degraded', roadCut: 'road cut', base: 'base', shelter: 'shelter', zone: 'evacuation zone', flooded: 'flooded',
  typhoon: 'typhoon: centre and wind radius', fireWeather: 'fire weather', risk: 'risk level', level: 'civil-defence level',
  keyPlay: 'play / pause', keyStep: 'previous / next event', keyJump: 'back / forward 10 minutes', keyHomeEnd: 'start / end of the run',
  keySpeed: 'slower / faster', keyLang: 'Vietnamese / English', keyCompare: 'compare on / off', keyHelp: 'this help', keyTabs: 'panels: messages, decisions, objectives, metrics, board',
  shownOf: 'shown of', decisionsNear: 'Decisions up to this time (latest first)',
  unitStates: { available: 'available', mobilising: 'mobilising', en_route: 'en route', on_scene: 'on scene', returning: 'returning', resting: 'resting', blocked: 'blocked', out_of_service: 'out of service' } as Record<string, string>,
  phases: { reported: 'reported', assessed: 'assessed', responding: 'responding', contained: 'contained', resolved: 'resolved' } as Record<string, string>,
  authors: { trainee: 'trainee', controller: 'controller', doctrine: 'doctrine', default: 'default' } as Record<string, string>,
  methods: { phone: 'phone', radio: 'radio', dispatch: 'official dispatch', bulletin: 'bulletin', 'social-media': 'social media', email: 'email', 'in-person': 'in person', hotline: 'hotline' } as Record<string, string>,
  injectTypes: { information: 'information', directive: 'directive', request: 'request', contingency: 'contingency' } as Record<string, string>,
};

type Strings = typeof en;

const vi: Strings = {
  skipToTimeline: 'Tới thanh thời gian',
  run: 'Lượt chạy', compareWith: 'So sánh với', none: '(không)', layout: 'Bố cục', sideBySide: 'cạnh nhau', overlay: 'chồng lên nhau',
  openFiles: 'Mở nhật ký chạy…', copyLink: 'Sao chép liên kết tới thời điểm này', linkCopied: 'Đã sao chép liên kết', keys: 'Phím tắt', close: 'Đóng',
  empty: 'Mở một nhật ký chạy (do drill run --out ghi) bằng nút ở trên, hoặc thả tệp vào đây.',
  dropHere: 'Thả nhật ký chạy vào đây để mở',
  messages: 'Tin tình huống', decisions: 'Quyết định', objectives: 'Mục tiêu', metrics: 'Chỉ số', board: 'Bảng trạng thái',
  prevEvent: 'Sự kiện trước', nextEvent: 'Sự kiện sau', play: 'Phát', pause: 'Dừng', speed: 'Tốc độ', timeline: 'Thời gian',
  loading: 'Đang mở', cannotOpen: 'Không mở được', cannotReplay: 'Không phát lại được', notDelivered: 'chưa phát', delivered: 'đã phát', pending: 'chưa tới',
  from: 'từ', to: 'tới', expected: 'hành động mong đợi', within: 'trong vòng', answered: 'đã trả lời', expired: 'quá hạn, áp dụng phương án mặc định',
  done: 'đã làm', latency: 'độ trễ', notDone: 'chưa thực hiện hành động mong đợi', by: 'bởi',
  rating: 'Đánh giá', happened: 'xảy ra lúc', value: 'giá trị', threshold: 'ngưỡng', readAt: 'đọc lúc', met: 'đạt', notMet: 'không đạt', evidence: 'bằng chứng', jump: 'tới',
  notTested: 'không đánh giá trong lượt chạy này',
  notTestedWhy: {
    no_incident: 'không có sự cố loại này', nobody_at_risk: 'không có người gặp nạn', inject_not_delivered: 'tin tình huống không được chuyển',
    shelter_unused: 'không có ai đến điểm sơ tán', never_cut_off: 'địa bàn không bị chia cắt', not_called_for: 'lực lượng chưa bị vượt quá khả năng và không có tình huống nào yêu cầu',
  },
  never: 'không bao giờ', final: 'Khi kết thúc lượt chạy', atTime: 'Tại thời điểm này',
  incidents: 'Sự cố', reported: 'đã báo', contained: 'đã khống chế', resolved: 'đã giải quyết', open: 'đang xử lý',
  people: 'Người', atRisk: 'gặp nguy hiểm', rescued: 'được cứu', lost: 'thiệt mạng', stillAtRisk: 'còn nguy hiểm', evacuated: 'đã sơ tán tới nơi trú ẩn',
  response: 'Ứng phó', meanFirst: 'thời gian trung bình tới khi lực lượng đầu tiên có mặt', worstFirst: 'lâu nhất', taken: 'đã ra', refused: 'bị từ chối',
  units: 'Lực lượng', unit: 'Lực lượng', state: 'Trạng thái', incident: 'Sự cố', severity: 'Mức độ', phase: 'Giai đoạn', area: 'Địa bàn', where: 'Vị trí',
  injects: 'Tin tình huống', levels: 'Ban bố cấp độ', hazards: 'Thiên tai',
  diverges: 'Hai lượt chạy rẽ nhánh lúc', identical: 'hai lượt chạy giống hệt nhau', differentScenario: 'khác kịch bản',
  runA: 'A', runB: 'B', seed: 'hạt giống', events: 'sự kiện',
  legend: 'Chú giải', roadOpen: 'đường thông', roadDegraded: 'đường khó đi', roadCut: 'đường bị chia cắt', base: 'nơi đóng quân', shelter: 'nơi trú ẩn', zone: 'vùng sơ tán', flooded: 'bị ngập',
  typhoon: 'bão: tâm và bán kính gió mạnh', fireWeather: 'thời tiết cháy rừng', risk: 'cấp độ rủi ro', level: 'cấp độ phòng thủ dân sự',
  keyPlay: 'phát / dừng', keyStep: 'sự kiện trước / sau', keyJump: 'lùi / tiến 10 phút', keyHomeEnd: 'đầu / cuối lượt chạy',
  keySpeed: 'chậm hơn / nhanh hơn', keyLang: 'tiếng Việt / tiếng Anh', keyCompare: 'bật / tắt so sánh', keyHelp: 'trợ giúp này', keyTabs: 'bảng: tin, quyết định, mục tiêu, chỉ số, trạng thái',
  shownOf: 'hiển thị trên', decisionsNear: 'Quyết định tới thời điểm này (mới nhất trước)',
  unitStates: { available: 'sẵn sàng', mobilising: 'đang huy động', en_route: 'đang cơ động', on_scene: 'tại hiện trường', returning: 'đang trở về', resting: 'nghỉ', blocked: 'bị chặn đường', out_of_service: 'ngừng hoạt động' },
  phases: { reported: 'đã báo', assessed: 'đã đánh giá', responding: 'đang ứng phó', contained: 'đã khống chế', resolved: 'đã giải quyết' },
  authors: { trainee: 'học viên', controller: 'đạo diễn', doctrine: 'tự động theo phương án', default: 'mặc định' },
  methods: { phone: 'điện thoại', radio: 'vô tuyến', dispatch: 'công điện', bulletin: 'bản tin', 'social-media': 'mạng xã hội', email: 'thư điện tử', 'in-person': 'trực tiếp', hotline: 'đường dây nóng' },
  injectTypes: { information: 'thông tin', directive: 'chỉ đạo', request: 'đề nghị', contingency: 'tình huống dự phòng' },
};

export const STRINGS: Record<Lang, Strings> = { en, vi };
export type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];
