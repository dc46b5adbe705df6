/**
 * The viewer's interface texts in Vietnamese and English. Scenario texts
 * carry their own languages ({ vi, en }) and are picked with the engine's
 * textIn; these are the labels around them.
 */
import { DECISION_FIELDS } from '../../engine/sim/run.js';

export type Lang = 'vi' | 'en';
/** the particulars of a message (a file's name, a time, a parser's own words) */
export type Args = Record<string, string | number>;

/** what each field of a run log's decision must be: the engine's words, and those in Vietnamese */
const DECISION_FIELD_EN: Record<string, string> = DECISION_FIELDS;
const DECISION_FIELD_VI: Record<string, string> = { at: 'phải là số giây nguyên kể từ T0', role: 'phải là mã của một vai', author: 'phải là trainee, controller, doctrine hoặc default', do: 'phải là tên một lệnh' };

const en = {
  skipToTimeline: 'Skip to the timeline',
  run: 'Run', compareWith: 'Compare with', none: '(none)', noRun: '(no run open)', layout: 'Layout', sideBySide: 'side by side', overlay: 'overlaid',
  openFiles: 'Open run logs…', copyLink: 'Copy link to this moment', copyLinkShort: 'Copy link', linkCopied: 'Link copied', keys: 'Keys', close: 'Close',
  empty: 'Open a run log (written by drill run --out) with the button above, or drop it here.',
  dropHere: 'Drop run logs to open them',
  failedRun: 'could not be opened', dismiss: 'Dismiss',
  warnHash: 'Warning: the hash chain of the run log does not match its events. The log has been changed since it was written; do not rely on it.',
  warnSummary: 'Warning: the summary stored in the run log differs from the figures recomputed from its events. The log may have been edited, or written by another engine version.',
  warnKeyframe: (t: string) => `Warning: the run log is damaged: its keyframe at ${t} cannot be read, so the stretch of the run from there to the next keyframe cannot be shown. \`drill verify\` checks the whole log.`,
  warnHead: (seed: string) => `Warning: the seed, end or players written at the head of the run log differ from those its first event records (seed ${seed}), which the hash chain covers. The head has been edited since the run; do not rely on the log.`,
  warnFigures: 'The figures at the end of the run (Metrics, Objectives) are those stored in the log; `drill report` prints those recomputed from its events, and `drill verify` says what differs.',
  /** why a run log cannot be opened or replayed (`a.name` is the file) */
  failures: {
    empty: (a: Args) => `${a.name} is empty`,
    notJson: (a: Args) => `${a.name} is not a run log: it is not valid JSON (${a.detail})`,
    notObject: (a: Args) => `${a.name} is not a run log: it holds no JSON object`,
    isScenario: (a: Args) => `${a.name} is a scenario, not a run log: make a run log of it first (drill run ${a.name} --out run.json), or play it (drill view --play ${a.name})`,
    isDecisions: (a: Args) => `${a.name} is a decisions file, not a run log: run it first (drill run <scenario> --decisions ${a.name} --out run.json)`,
    keyframeMalformed: (a: Args) => `${a.name} is damaged: a keyframe is malformed`,
    noField: (a: Args) => `${a.name} has no '${a.field}': the run log is incomplete or damaged`,
    keyframeOrder: (a: Args) => `${a.name} is damaged: keyframe #${a.index} is out of order`,
    format: (a: Args) => `${a.name} has the unsupported run log format '${a.format}' (this viewer reads ${a.reads})`,
    noFormat: (a: Args) => `${a.name} is not a run log: it has no "format": "${a.reads}"`,
    noScenarioText: (a: Args) => `${a.name} is damaged: its scenario text is missing`,
    notList: (a: Args) => `${a.name} is damaged: '${a.field}' is not a list`,
    seedUntil: (a: Args) => `${a.name} is damaged: 'seed' and 'until' must be whole numbers`,
    decisionBad: (a: Args) => `${a.name} is damaged: decisions[${a.index}].${a.field} is not as drill writes it (${DECISION_FIELD_EN[a.field] ?? '?'})`,
    eventNoTime: (a: Args) => `${a.name} is damaged: event #${a.index} has no time or type`,
    eventBack: (a: Args) => `${a.name} is damaged: event #${a.index} (${a.type}) goes back in time`,
    scenarioLoad: (a: Args) => `${a.name} is damaged: its embedded scenario does not load (${a.detail})`,
    build: (a: Args) => `${a.name} is damaged: the engine cannot build its scenario (${a.detail})`,
    server: (a: Args) => `${a.name}: the server answered ${a.status}`,
    gone: (a: Args) => `${a.name} is no longer where drill view found it (moved or deleted)`,
    network: (a: Args) => `${a.name}: it could not be fetched (${a.detail})`,
    replay: (a: Args) => `${a.name}: the engine cannot replay it at ${a.time} (${a.detail})`,
    replayOlder: (a: Args) => `${a.name}: the engine cannot replay it at ${a.time}: its keyframe at ${a.keyframe} holds incident ${a.incident} without the work done and the people reached, which this engine keeps`,
  } as Record<string, (a: Args) => string>,
  hints: {
    open: () => 'open a file written by `drill run --out run.json`',
    server: () => 'is `drill view` still running? Start it again with the same files',
    gone: () => 'put the file back, or start `drill view` again with the files as they are now',
    replay: (a: Args) => `the log was written by drillsim ${a.engine} and this viewer runs ${a.ours}: view it with the drillsim that wrote it, or run the scenario again`,
  } as Record<string, (a: Args) => string>,
  messages: 'Messages', decisions: 'Decisions', objectives: 'Objectives', metrics: 'Metrics', board: 'Board',
  prevEvent: 'Previous event', nextEvent: 'Next event', play: 'Play', pause: 'Pause', speed: 'Speed', timeline: 'Time',
  outlines: 'outlines', speed1: '1 s/s (real time)', speed10: '10 s/s', speed60: '1 min/s', speed600: '10 min/s', speed3600: '1 h/s',
  loading: 'Opening', cannotOpen: 'Cannot open', cannotReplay: 'Cannot replay', notDelivered: 'not delivered', delivered: 'delivered', pending: 'not yet',
  from: 'from', to: 'to', expected: 'expected', within: 'within', answered: 'answered', expired: 'deadline passed, default applied',
  /** as the report's evidence says it (ev.inject.done) */
  doneBy: 'expected action taken by {by} after {latency}', notDone: 'expected action not taken', by: 'by',
  alreadyDone: 'already done before it arrived',
  // an objective's criterion, result and evidence are headed in the report's words (obj.* in engine/review/messages.ts)
  happened: 'happened at', met: 'met', notMet: 'not met',
  notTested: 'not tested in this run',
  never: 'never', final: 'At the end of the run', atTime: 'At this time', neverReached: 'incidents no unit reached', ofPeople: '{n} people',
  incidents: 'Incidents', reported: 'reported', contained: 'contained', resolved: 'resolved', open: 'open', openByPhase: 'Open incidents',
  people: 'People', atRisk: 'at risk', rescued: 'rescued', lost: 'lost', stillAtRisk: 'still at risk', evacuated: 'evacuated to shelters',
  response: 'Response', meanFirst: 'mean time to first unit on scene', worstFirst: 'worst', taken: 'taken', refused: 'refused', noChange: 'no change',
  units: 'Units', unit: 'Unit', state: 'State', incident: 'Incident', kind: 'Kind', severity: 'Severity', phase: 'Phase', area: 'Area', where: 'Where',
  injects: 'Injects', levels: 'Level declarations', hazards: 'Hazards',
  addedByControl: 'added by exercise control at',
  diverges: 'Runs diverge at', identical: 'the two runs are identical', differentScenario: 'different scenarios',
  differentSeeds: 'different seeds: their differences are partly the dice, not only the decisions',
  stoppedAt: '{run} stopped at',
  runA: 'A', runB: 'B', seed: 'seed', events: 'events', event: 'event', eventsInLog: 'Run log: events',
  legend: 'Legend', roadOpen: 'road open', roadDegraded: 'road degraded', roadCut: 'road cut', base: 'base', shelter: 'shelter', zone: 'evacuation zone', flooded: 'flooded',
  typhoon: 'typhoon: centre and wind radius', fireWeather: 'fire weather', risk: 'risk level', level: 'civil-defence level',
  keyPlay: 'play / pause', keyStep: 'previous / next event', keyJump: 'back / forward 10 minutes', keyHomeEnd: 'start / end of the run',
  keySpeed: 'slower / faster', keyZoom: 'zoom in / out / whole map', keyLang: 'Vietnamese / English', keyCompare: 'compare on / off', keyHelp: 'this help', keyTabs: 'panels: messages, decisions, objectives, metrics, board',
  keyPanelTimes: 'in a panel\'s list of times (one Tab stop): previous / next time, first / last', keyPanelGo: 'on a time: go to it',
  decisionsNear: 'Decisions up to this time (latest first): {shown} shown of {n}',
  unitStates: { available: 'available', mobilising: 'mobilising', en_route: 'en route', on_scene: 'on scene', returning: 'returning', resting: 'resting', blocked: 'blocked', out_of_service: 'out of service' } as Record<string, string>,
  phases: { reported: 'reported', assessed: 'assessed', responding: 'responding', contained: 'contained', resolved: 'resolved' } as Record<string, string>,
  shelterStates: { closed: 'closed', open: 'open', full: 'full' } as Record<string, string>,
  /** the report's words for who decided (engine/review/messages.ts author.*) */
  authors: { trainee: 'trainee', controller: 'exercise control', doctrine: 'doctrine', default: 'default at the deadline' } as Record<string, string>,
  methods: { phone: 'phone', radio: 'radio', dispatch: 'official dispatch', bulletin: 'bulletin', 'social-media': 'social media', email: 'email', 'in-person': 'in person', hotline: 'hotline' } as Record<string, string>,
  injectTypes: { information: 'information', directive: 'directive', request: 'request', contingency: 'contingency' } as Record<string, string>,
};

type Strings = typeof en;

const vi: Strings = {
  skipToTimeline: 'Tới thanh thời gian',
  run: 'Lượt chạy', compareWith: 'So sánh với', none: '(không)', noRun: '(chưa mở lượt chạy)', layout: 'Bố cục', sideBySide: 'cạnh nhau', overlay: 'chồng lên nhau',
  openFiles: 'Mở nhật ký chạy…', copyLink: 'Sao chép liên kết tới thời điểm này', copyLinkShort: 'Chép liên kết', linkCopied: 'Đã sao chép liên kết', keys: 'Phím tắt', close: 'Đóng',
  empty: 'Mở một nhật ký chạy (do drill run --out ghi) bằng nút ở trên, hoặc thả tệp vào đây.',
  dropHere: 'Thả nhật ký chạy vào đây để mở',
  failedRun: 'không mở được', dismiss: 'Bỏ qua',
  warnHash: 'Cảnh báo: chuỗi băm của nhật ký không khớp với các sự kiện. Nhật ký đã bị thay đổi sau khi ghi; không nên dựa vào nó.',
  warnSummary: 'Cảnh báo: phần tổng hợp lưu trong nhật ký khác với số liệu tính lại từ các sự kiện. Nhật ký có thể đã bị sửa, hoặc được ghi bởi phiên bản khác của bộ mô phỏng.',
  warnKeyframe: (t: string) => `Cảnh báo: nhật ký chạy bị hỏng: không đọc được khung khoá (keyframe) lúc ${t}, nên không hiển thị được đoạn lượt chạy từ đó đến khung khoá tiếp theo. \`drill verify\` kiểm tra toàn bộ nhật ký.`,
  warnHead: (seed: string) => `Cảnh báo: hạt giống, thời điểm kết thúc hoặc người chơi ghi ở đầu nhật ký khác với những gì sự kiện đầu tiên ghi lại (hạt giống ${seed}), là phần được chuỗi băm bảo vệ. Phần đầu nhật ký đã bị sửa sau lượt chạy; không nên dựa vào nhật ký này.`,
  warnFigures: 'Số liệu khi kết thúc lượt chạy (Chỉ số, Mục tiêu) là số liệu lưu trong nhật ký; `drill report` in số liệu tính lại từ các sự kiện, và `drill verify` cho biết chỗ khác nhau.',
  failures: {
    empty: (a: Args) => `${a.name} là tệp rỗng`,
    notJson: (a: Args) => `${a.name} không phải nhật ký chạy: không phải JSON hợp lệ (${a.detail})`,
    notObject: (a: Args) => `${a.name} không phải nhật ký chạy: không chứa đối tượng JSON nào`,
    isScenario: (a: Args) => `${a.name} là một kịch bản, không phải nhật ký chạy: hãy tạo nhật ký chạy trước (drill run ${a.name} --out run.json), hoặc chơi kịch bản (drill view --play ${a.name})`,
    isDecisions: (a: Args) => `${a.name} là một tệp quyết định, không phải nhật ký chạy: hãy chạy nó trước (drill run <kịch-bản> --decisions ${a.name} --out run.json)`,
    keyframeMalformed: (a: Args) => `${a.name} bị hỏng: một khung khoá (keyframe) sai cấu trúc`,
    noField: (a: Args) => `${a.name} thiếu '${a.field}': nhật ký chạy không đầy đủ hoặc bị hỏng`,
    keyframeOrder: (a: Args) => `${a.name} bị hỏng: khung khoá #${a.index} sai thứ tự`,
    format: (a: Args) => `${a.name} có định dạng nhật ký không được hỗ trợ '${a.format}' (trình xem này đọc ${a.reads})`,
    noFormat: (a: Args) => `${a.name} không phải nhật ký chạy: không có "format": "${a.reads}"`,
    noScenarioText: (a: Args) => `${a.name} bị hỏng: thiếu văn bản kịch bản`,
    notList: (a: Args) => `${a.name} bị hỏng: '${a.field}' không phải danh sách`,
    seedUntil: (a: Args) => `${a.name} bị hỏng: 'seed' và 'until' phải là số nguyên`,
    decisionBad: (a: Args) => `${a.name} bị hỏng: decisions[${a.index}].${a.field} không đúng như drill ghi (${DECISION_FIELD_VI[a.field] ?? '?'})`,
    eventNoTime: (a: Args) => `${a.name} bị hỏng: sự kiện #${a.index} không có thời gian hoặc loại`,
    eventBack: (a: Args) => `${a.name} bị hỏng: sự kiện #${a.index} (${a.type}) có thời gian sớm hơn sự kiện trước nó`,
    scenarioLoad: (a: Args) => `${a.name} bị hỏng: kịch bản nhúng trong nhật ký không tải được (${a.detail})`,
    build: (a: Args) => `${a.name} bị hỏng: bộ mô phỏng không dựng được kịch bản của nó (${a.detail})`,
    server: (a: Args) => `${a.name}: máy chủ trả lời ${a.status}`,
    gone: (a: Args) => `${a.name} không còn ở chỗ drill view đã tìm thấy (đã bị chuyển đi hoặc xoá)`,
    network: (a: Args) => `${a.name}: không tải được (${a.detail})`,
    replay: (a: Args) => `${a.name}: bộ mô phỏng không phát lại được lúc ${a.time} (${a.detail})`,
    replayOlder: (a: Args) => `${a.name}: bộ mô phỏng không phát lại được lúc ${a.time}: khung khoá lúc ${a.keyframe} chứa sự cố ${a.incident} mà thiếu phần việc đã làm và số người đã tiếp cận, là những gì bộ mô phỏng này lưu giữ`,
  },
  hints: {
    open: () => 'hãy mở một tệp do `drill run --out run.json` ghi',
    server: () => '`drill view` còn chạy không? Hãy chạy lại với cùng các tệp',
    gone: () => 'hãy đặt tệp về chỗ cũ, hoặc chạy lại `drill view` với các tệp như hiện có',
    replay: (a: Args) => `nhật ký do drillsim ${a.engine} ghi, trình xem này chạy ${a.ours}: hãy xem bằng phiên bản drillsim đã ghi nó, hoặc chạy lại kịch bản`,
  },
  messages: 'Tình huống', decisions: 'Quyết định', objectives: 'Mục tiêu', metrics: 'Chỉ số', board: 'Bảng trạng thái',
  prevEvent: 'Sự kiện trước', nextEvent: 'Sự kiện sau', play: 'Phát', pause: 'Dừng', speed: 'Tốc độ', timeline: 'Thời gian',
  outlines: 'viền', speed1: '1 giây/giây (thời gian thực)', speed10: '10 giây/giây', speed60: '1 phút/giây', speed600: '10 phút/giây', speed3600: '1 giờ/giây',
  loading: 'Đang mở', cannotOpen: 'Không mở được', cannotReplay: 'Không phát lại được', notDelivered: 'không được chuyển', delivered: 'đã phát', pending: 'chưa tới',
  from: 'từ', to: 'tới', expected: 'hành động mong đợi', within: 'trong vòng', answered: 'đã trả lời', expired: 'quá hạn, áp dụng phương án mặc định',
  doneBy: '{by} đã xử lý sau {latency}', notDone: 'chưa thực hiện hành động mong đợi', by: 'bởi',
  alreadyDone: 'đã thực hiện trước khi nhận',
  happened: 'xảy ra lúc', met: 'đạt', notMet: 'không đạt',
  notTested: 'không đánh giá trong lượt chạy này',
  never: 'không bao giờ', final: 'Khi kết thúc lượt chạy', atTime: 'Tại thời điểm này', neverReached: 'sự cố chưa có lực lượng nào đến được', ofPeople: '{n} người',
  incidents: 'Sự cố', reported: 'đã báo', contained: 'đã khống chế', resolved: 'đã giải quyết', open: 'đang xử lý', openByPhase: 'Sự cố đang xử lý',
  // the report's words (engine/review/messages.ts), so that its figures are found under the same names here
  people: 'Người', atRisk: 'gặp nạn', rescued: 'được cứu', lost: 'thiệt mạng', stillAtRisk: 'chưa được cứu', evacuated: 'đã vào nơi sơ tán',
  response: 'Ứng phó', meanFirst: 'thời gian trung bình đến khi lực lượng đầu tiên có mặt', worstFirst: 'lâu nhất', taken: 'đã ra', refused: 'bị từ chối', noChange: 'không có gì thay đổi',
  units: 'Lực lượng', unit: 'Lực lượng', state: 'Trạng thái', incident: 'Sự cố', kind: 'Loại', severity: 'Mức độ', phase: 'Giai đoạn', area: 'Địa bàn', where: 'Vị trí',
  injects: 'Tin tình huống', levels: 'Ban bố cấp độ', hazards: 'Thiên tai',
  addedByControl: 'ban đạo diễn thêm lúc',
  diverges: 'Hai lượt chạy rẽ nhánh lúc', identical: 'hai lượt chạy giống hệt nhau', differentScenario: 'khác kịch bản',
  differentSeeds: 'khác hạt giống: khác biệt giữa hai lượt một phần do yếu tố ngẫu nhiên, không chỉ do các quyết định',
  stoppedAt: '{run} dừng lúc',
  runA: 'A', runB: 'B', seed: 'hạt giống', events: 'sự kiện', event: 'sự kiện', eventsInLog: 'Nhật ký: số sự kiện',
  legend: 'Chú giải', roadOpen: 'đường thông', roadDegraded: 'đường khó đi', roadCut: 'đường bị chia cắt', base: 'nơi đóng quân', shelter: 'điểm sơ tán', zone: 'khu vực sơ tán', flooded: 'bị ngập',
  typhoon: 'bão: tâm và bán kính gió mạnh', fireWeather: 'thời tiết cháy rừng', risk: 'cấp độ rủi ro', level: 'cấp độ phòng thủ dân sự',
  keyPlay: 'phát / dừng', keyStep: 'sự kiện trước / sau', keyJump: 'lùi / tiến 10 phút', keyHomeEnd: 'đầu / cuối lượt chạy',
  keySpeed: 'chậm hơn / nhanh hơn', keyZoom: 'phóng to / thu nhỏ / về toàn cảnh', keyLang: 'tiếng Việt / tiếng Anh', keyCompare: 'bật / tắt so sánh', keyHelp: 'trợ giúp này', keyTabs: 'bảng: tình huống, quyết định, mục tiêu, chỉ số, trạng thái',
  keyPanelTimes: 'trong danh sách mốc thời gian của một bảng (một điểm dừng Tab): mốc trước / sau, đầu / cuối', keyPanelGo: 'trên một mốc thời gian: tới thời điểm đó',
  // "14 hiển thị trên 14" was the English word order
  decisionsNear: 'Quyết định tới thời điểm này (mới nhất trước): hiển thị {shown} trên {n}',
  unitStates: { available: 'sẵn sàng', mobilising: 'đang huy động', en_route: 'đang cơ động', on_scene: 'tại hiện trường', returning: 'đang quay về', resting: 'nghỉ', blocked: 'bị chặn đường', out_of_service: 'ngừng hoạt động' },
  phases: { reported: 'đã báo', assessed: 'đã đánh giá', responding: 'đang ứng phó', contained: 'đã khống chế', resolved: 'đã giải quyết' },
  shelterStates: { closed: 'đóng', open: 'đang mở', full: 'đã đầy' },
  authors: { trainee: 'học viên', controller: 'ban đạo diễn', doctrine: 'phương án tự động', default: 'mặc định khi hết hạn' },
  methods: { phone: 'điện thoại', radio: 'vô tuyến', dispatch: 'công điện', bulletin: 'bản tin', 'social-media': 'mạng xã hội', email: 'thư điện tử', 'in-person': 'trực tiếp', hotline: 'đường dây nóng' },
  injectTypes: { information: 'thông tin', directive: 'chỉ đạo', request: 'đề nghị', contingency: 'tình huống dự phòng' },
};

export const STRINGS: Record<Lang, Strings> = { en, vi };
export type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];
