/**
 * The play page's own texts (the labels around the session, and the few
 * lines it adds to the transcript where `drill play` would talk about files).
 * Everything the session itself says comes from engine/play/messages.ts, in
 * the session's language.
 */
import type { Lang } from './i18n.js';

type Args = Record<string, string | number>;

const en = {
  title: 'drillsim · tabletop session',
  openScenario: 'Open a scenario…',
  replayViewer: 'Replay viewer',
  empty: 'Open a scenario (a YAML file) with the button above to play it here, or start this page with: drill view --play <scenario.yaml>',
  reading: 'Reading the scenario…',
  fetchFailed: (a: Args) => `The scenario could not be fetched (${a.detail}): is drill view still running? Or open the file with the button above.`,
  notText: (a: Args) => `${a.name} is not a text file: open a scenario written in YAML.`,
  badScenario: (a: Args) => `${a.name} is not a valid scenario (${a.count} ${a.count === 1 ? 'error' : 'errors'}); fix it and open it again:`,
  setupLead: 'Choose who sits at this screen. Doctrine (the written plan) plays every role nobody plays here.',
  roles: 'Roles played here',
  controller: 'Controller (directing staff): pause, hold and release messages, add injects, jump the clock',
  language: 'Language of the session',
  seedLabel: 'Seed',
  seed: (a: Args) => `The scenario's is ${a.seed}; another seed plays the same scenario with other chance (for a second team, say). The session ends at ${a.until}.`,
  badSeed: (a: Args) => `The seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not '${a.value}'.`,
  start: 'Start the session',
  or: 'or',
  resumeSession: 'Resume a saved session…',
  resumeHint: 'Pick a run log saved from this scenario (save on this page, or drill play): the session goes on from where it was saved, with its roles and seed. The controller sits here if ticked above, or if the log has the controller\'s decisions.',
  /** what to do when a log cannot be resumed here: that scenario's page, or a terminal, which resumes any run log */
  resumeOtherScenario: (a: Args) => `Open that scenario (Open a scenario…) and resume it there, or carry it on in a terminal: drill play --resume ${a.arg}`,
  resumeOtherVersion: (a: Args) => `In a terminal, drill play --resume ${a.arg} carries it on with the scenario inside the log; or start a new session of this one.`,
  resumeOther: 'Pick a run log saved by this page (save) or by drill play, unchanged since; or start a new session.',
  /** no scenario on the page: a run log holds its own, which opens with it */
  resumeHintNoScenario: 'Or carry on a session saved earlier: pick its run log (save on this page, or drill play). The log holds its scenario, which opens with it; the session goes on from where it was saved, with its roles and seed, and the controller sits here if the log has the controller\'s decisions.',
  resumeOtherNoScenario: 'Pick a run log saved by this page (save) or by drill play, unchanged since; or open a scenario (Open a scenario…) to start a new session.',
  noRole: 'Choose at least one role, or the controller.',
  transcript: 'Session transcript',
  command: 'Command',
  keysHint: 'Enter sends · ↑ ↓ earlier commands · Tab completes · PgUp PgDn scroll · help lists the commands',
  working: 'working…',
  choices: 'Tab:',
  noChoices: 'Tab: nothing to complete here',
  download: (a: Args) => `Download the run log (${a.file})`,
  openInViewer: 'Open it in the replay viewer',
  newSession: 'New session',
  leaveUnsaved: 'The session has decisions that are not saved.',
};

type Strings = typeof en;

const vi: Strings = {
  title: 'drillsim · diễn tập trên bản đồ',
  openScenario: 'Mở kịch bản…',
  replayViewer: 'Trình xem lại',
  empty: 'Mở một kịch bản (tệp YAML) bằng nút phía trên để diễn tập ở đây, hoặc mở trang này bằng: drill view --play <kịch-bản.yaml>',
  reading: 'Đang đọc kịch bản…',
  // the HTTP status says itself in any language; the browser's English ('Failed to fetch') is left out
  fetchFailed: (a: Args) => `Không tải được kịch bản${a.status === undefined ? '' : ` (HTTP ${a.status})`}: drill view còn chạy không? Hoặc mở tệp bằng nút phía trên.`,
  notText: (a: Args) => `${a.name} không phải tệp văn bản: hãy mở một kịch bản viết bằng YAML.`,
  badScenario: (a: Args) => `${a.name} không phải kịch bản hợp lệ (${a.count} lỗi); sửa rồi mở lại:`,
  setupLead: 'Chọn vai ngồi tại màn hình này. Các vai không ai đóng sẽ chạy tự động theo phương án.',
  roles: 'Vai đóng tại đây',
  controller: 'Ban đạo diễn: tạm dừng, giữ và phát tin, thêm tin tình huống, chuyển thời gian',
  language: 'Ngôn ngữ của phiên',
  seedLabel: 'Seed',
  seed: (a: Args) => `Kịch bản dùng ${a.seed}; seed khác cho cùng kịch bản với diễn biến ngẫu nhiên khác (chẳng hạn cho đội thứ hai). Phiên kết thúc lúc ${a.until}.`,
  badSeed: (a: Args) => `Seed phải là số nguyên từ 0 đến ${Number.MAX_SAFE_INTEGER}, không phải '${a.value}'.`,
  start: 'Bắt đầu phiên',
  or: 'hoặc',
  resumeSession: 'Chơi tiếp phiên đã lưu…',
  resumeHint: 'Chọn một nhật ký chạy đã lưu của kịch bản này (lệnh save trên trang này, hoặc drill play): phiên chơi tiếp từ lúc lưu, với các vai và seed của nó. Ban đạo diễn ngồi tại đây nếu được đánh dấu ở trên, hoặc nếu nhật ký có quyết định của ban đạo diễn.',
  resumeOtherScenario: (a: Args) => `Hãy mở kịch bản đó (Mở kịch bản…) rồi chơi tiếp ở đó, hoặc chơi tiếp trong cửa sổ lệnh: drill play --resume ${a.arg}`,
  resumeOtherVersion: (a: Args) => `Trong cửa sổ lệnh, drill play --resume ${a.arg} chơi tiếp với kịch bản nằm trong nhật ký; hoặc bắt đầu một phiên mới của kịch bản này.`,
  resumeOther: 'Hãy chọn một nhật ký chạy do trang này (save) hoặc drill play lưu, chưa bị sửa; hoặc bắt đầu một phiên mới.',
  resumeHintNoScenario: 'Hoặc chơi tiếp một phiên đã lưu: chọn nhật ký chạy của phiên đó (lệnh save trên trang này, hoặc drill play). Nhật ký chứa kịch bản của phiên, kịch bản được mở cùng; phiên chơi tiếp từ lúc lưu, với các vai và seed của nó, và ban đạo diễn ngồi tại đây nếu nhật ký có quyết định của ban đạo diễn.',
  resumeOtherNoScenario: 'Hãy chọn một nhật ký chạy do trang này (save) hoặc drill play lưu, chưa bị sửa; hoặc mở một kịch bản (Mở kịch bản…) để bắt đầu một phiên mới.',
  noRole: 'Hãy chọn ít nhất một vai, hoặc ban đạo diễn.',
  transcript: 'Diễn biến phiên',
  command: 'Lệnh',
  keysHint: 'Enter gửi · ↑ ↓ lệnh trước · Tab gợi ý · PgUp PgDn cuộn · help liệt kê các lệnh',
  working: 'đang xử lý…',
  choices: 'Tab:',
  noChoices: 'Tab: không có gì để gợi ý ở đây',
  download: (a: Args) => `Tải nhật ký chạy (${a.file})`,
  openInViewer: 'Mở trong trình xem lại',
  newSession: 'Phiên mới',
  leaveUnsaved: 'Phiên có quyết định chưa được lưu.',
};

export const PLAY_STRINGS: Record<Lang, Strings> = { en, vi };

/** Lines the page adds to the transcript, in the session's language, where `drill play` would talk about the file it wrote. */
const lines = {
  en: {
    saved: (a: Args) => `Run log saved as ${a.file} at ${a.t} (the browser downloads it). To carry on from here later: on this page, Resume a saved session… with that file; or in a terminal, drill play --resume ${a.arg}.`,
    resumed: (a: Args) => `Resumed ${a.file}: saved at ${a.t}, with ${a.decisions} ${a.decisions === 1 ? 'decision' : 'decisions'} taken; save again to keep what follows.`,
    written: (a: Args) => `Run log saved as ${a.file} (finished: ${a.events} events, hash ${a.hash}); the browser downloads it.`,
    closed: 'The run log can still be downloaded below.',
    limit: 'There is no run log to download: a run stopped at a limit has none (drill run writes none either). Raise the limit in the scenario file, then open it again (Open a scenario…) to play it.',
    /** a fault of the program while handling a line: the engine's own words */
    fault: (detail: string) => `drillsim: ${detail}`,
  },
  vi: {
    saved: (a: Args) => `Đã lưu nhật ký chạy thành ${a.file} lúc ${a.t} (trình duyệt tải về). Muốn chơi tiếp từ đây sau này: trên trang này, Chơi tiếp phiên đã lưu… với tệp đó; hoặc trong cửa sổ lệnh, drill play --resume ${a.arg}.`,
    resumed: (a: Args) => `Đã mở lại ${a.file}: lưu lúc ${a.t}, đã có ${a.decisions} quyết định; hãy save lại để giữ những gì tiếp theo.`,
    written: (a: Args) => `Đã lưu nhật ký chạy thành ${a.file} (hoàn tất: ${a.events} sự kiện, mã băm ${a.hash}); trình duyệt tải về.`,
    closed: 'Vẫn có thể tải nhật ký chạy ở phía dưới.',
    limit: 'Không có nhật ký chạy để tải về: lượt chạy dừng ở một giới hạn thì không có nhật ký chạy (drill run cũng không ghi). Hãy tăng giới hạn trong tệp kịch bản rồi mở lại tệp (Mở kịch bản…) để chơi.',
    // the engine's English is the only clue to the fault: kept, and said to be such
    fault: (detail: string) => `drillsim: lỗi của chương trình (chi tiết kỹ thuật, tiếng Anh: ${detail})`,
  },
} satisfies Record<Lang, unknown>;

export const PLAY_LINES: Record<Lang, typeof lines.en> = lines;
