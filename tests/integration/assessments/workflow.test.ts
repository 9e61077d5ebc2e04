import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import {
  registerWardsAction,
  removeEvidenceAction,
  respondToReturnAction,
  saveResultAction,
  transitionAction,
} from '@/lib/actions/assessments';
import { GET as downloadEvidence } from '@/app/api/evidence/[id]/route';
import { actAs } from '@/tests/support/action-context';
import {
  form,
  postEvidence,
  makeUnit,
  makeUser,
  seedReference,
  fixByIn,
  registeredWard,
  idle,
  YEAR,
} from '@/tests/support/factories';

beforeAll(seedReference);

/** The status of an action's answer or of a record, once it comes. */
const statusOf = async (answer: Promise<{ status: string }>) => (await answer).status;
/** Saves a yes/no criterion as met, from the version the user saw. */
const saveMet = (resultId: number, version: number) =>
  saveResultAction(idle, form({ resultId, version, state: 'MET', value: '1' }));
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A value that meets each criterion of the 22-set. */
function metValues(kind: string, comparator: string | null, threshold: number | null) {
  switch (kind) {
    case 'BOOLEAN':
      return { value: '1' };
    case 'PERCENT':
      return { value: comparator === 'EQ' ? '100' : String((threshold ?? 0) + 1) };
    case 'COUNT':
      return { value: comparator === 'EQ' ? String(threshold ?? 0) : String((threshold ?? 0) + 1) };
    case 'CHANGE':
      return { value: '8', baseline: '10' };
    default:
      return { value: String(threshold ?? 0) };
  }
}

async function fillAllMet(assessmentId: number) {
  const results = await db().criterionResult.findMany({
    where: { assessmentId },
    include: { criterion: true },
  });
  for (const r of results) {
    const saved = await saveResultAction(
      idle,
      form({
        resultId: r.id,
        version: r.version,
        state: 'MET',
        note: '',
        ...metValues(r.criterion.measureKind, r.criterion.comparator, r.criterion.threshold),
      }),
    );
    expect(saved.status, `${r.criterion.number}: ${saved.message}`).toBe('success');
  }
}

describe('registration', () => {
  it('registers wards of the province with one empty result per criterion, audited', async () => {
    const { assessment, unit } = await registeredWard();
    expect(assessment.status).toBe('DRAFT');
    expect(assessment.results).toHaveLength(22);
    expect(assessment.results.every((r) => r.state === 'NOT_ASSESSED')).toBe(true);
    expect(
      await db().auditEvent.count({
        where: { action: 'assessment.register', entityId: String(assessment.id) },
      }),
    ).toBe(1);
    expect(unit.code).toMatch(/^\d{5}$/);
  });

  it('refuses a ward of another province, registering none of the batch', async () => {
    const home = await makeUnit('38');
    const foreign = await makeUnit('40');
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    const data = form({ provinceCode: '38', year: YEAR });
    data.append('unitCode', home.code);
    data.append('unitCode', foreign.code);
    const result = await registerWardsAction(idle, data);
    expect(result.status).toBe('error');
    expect(await db().assessment.count({ where: { unitId: { in: [home.id, foreign.id] } } })).toBe(
      0,
    );
  });

  it('refuses a year outside 2021–2030 and an empty choice', async () => {
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    const badYear = await registerWardsAction(
      idle,
      form({ provinceCode: '38', year: 2040, unitCode: '90001' }),
    );
    expect(badYear.fieldErrors?.year).toEqual(['Năm phải từ 2021 đến 2030.']);
    const none = await registerWardsAction(idle, form({ provinceCode: '38', year: YEAR }));
    expect(none.fieldErrors?.unitCodes).toEqual(['Chọn ít nhất một phường.']);
  });

  it('a registration can be withdrawn before submission, and made again', async () => {
    const { assessment, unit } = await registeredWard();
    const withdrawn = await transitionAction(
      idle,
      form({ assessmentId: assessment.id, name: 'cancelRegistration' }),
    );
    expect(withdrawn.status).toBe('success');
    expect(
      await statusOf(db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })),
    ).toBe('CANCELLED');
    const again = await registerWardsAction(
      idle,
      form({ provinceCode: '38', year: YEAR, unitCode: unit.code }),
    );
    expect(again.status).toBe('success');
    expect(
      await statusOf(db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })),
    ).toBe('DRAFT');
  });
});

describe('saving a result', () => {
  it('derives met / not met from the figure and keeps the stored counts in step', async () => {
    const { assessment, result } = await registeredWard();
    const c11 = result(11); // residence data: percent ≥ 95
    const saved = await saveResultAction(
      idle,
      form({ resultId: c11.id, version: 1, state: 'MET', value: '97,5', note: 'Số liệu quý III' }),
    );
    expect(saved).toMatchObject({ status: 'success', data: { version: 2, state: 'MET' } });
    const row = await db().criterionResult.findUniqueOrThrow({ where: { id: c11.id } });
    expect(row).toMatchObject({ state: 'MET', value: 97.5, note: 'Số liệu quý III', version: 2 });
    expect(
      (await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })).metCount,
    ).toBe(1);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: 'result.update', entityId: String(c11.id) },
    });
    expect(event.after).toMatchObject({ state: 'MET', value: 97.5 });
  });

  it('refuses values that do not fit the measure, changing nothing', async () => {
    const { result } = await registeredWard();
    const cases: [number, Record<string, string>, string][] = [
      [11, { state: 'MET', value: '101' }, 'Tỷ lệ phải từ 0 đến 100.'],
      [2, { state: 'MET', value: '-1' }, 'Số liệu không được âm.'],
      [13, { state: 'MET', value: '2,5' }, 'Số lượng phải là số nguyên.'],
      [8, { state: 'MET', value: '30' }, 'Nhập số liệu cùng kỳ năm trước.'],
      [
        11,
        { state: 'MET', value: '90' },
        'Kết quả chọn không khớp với số liệu so với ngưỡng. Hãy sửa số liệu hoặc kết quả.',
      ],
      [1, { state: 'MET', value: '7' }, 'Chọn một mức xếp loại trong thang.'],
      [
        11,
        { state: 'MET', value: 'NaN' },
        '“NaN” không phải là số. Viết số theo kiểu Việt Nam, ví dụ 1.250 hoặc 97,5.',
      ],
    ];
    for (const [n, fields, message] of cases) {
      const answer = await saveResultAction(
        idle,
        form({ resultId: result(n).id, version: 1, note: '', ...fields }),
      );
      expect(answer.status).toBe('error');
      expect(answer.fieldErrors?.value).toEqual([message]);
    }
    expect(
      await db().criterionResult.count({
        where: { id: { in: [1, 2, 8, 11, 13].map((n) => result(n).id) }, version: { gt: 1 } },
      }),
    ).toBe(0);
  });

  it('reads figures the way the user’s language writes them; what reads two ways is refused', async () => {
    const { result } = await registeredWard();
    const save = (n: number, fields: Record<string, string>, version = 1) =>
      saveResultAction(idle, form({ resultId: result(n).id, version, note: '', ...fields }));
    const stored = (n: number) =>
      db().criterionResult.findUniqueOrThrow({ where: { id: result(n).id } });

    // Vietnamese thousands: a count of 12.500 and a change from 1.250 to 1.100.
    expect(await save(13, { state: 'MET', value: '12.500' })).toMatchObject({
      status: 'success',
      data: { value: 12500 },
    });
    expect(await stored(13)).toMatchObject({ value: 12500, state: 'MET' });
    expect(await save(8, { state: 'MET', value: '1.100', baseline: '1.250' })).toMatchObject({
      status: 'success',
      data: { value: 1100, baseline: 1250 },
    });

    // "1.000" on a percentage is a thousand per cent, refused as such; never 1%.
    const refused: [Record<string, string>, string][] = [
      [{ value: '1.000' }, 'Tỷ lệ phải từ 0 đến 100.'],
      [
        { value: '97.5' },
        '“97.5” viết theo kiểu tiếng Anh. Tiếng Việt dùng dấu chấm giữa các hàng nghìn và dấu phẩy trước phần thập phân: có phải là 97,5?',
      ],
      [
        { value: '1,000' },
        '“1,000” có thể hiểu hai cách: 1.000 (hàng nghìn) hoặc 1. Hãy viết đúng số bạn muốn.',
      ],
    ];
    for (const [fields, message] of refused) {
      const answer = await save(11, { state: 'MET', ...fields });
      expect(answer.fieldErrors?.value, fields.value).toEqual([message]);
    }
    expect(await stored(11)).toMatchObject({ version: 1, value: null });
    // An English page's figures are read the English way.
    expect(await save(11, { state: 'MET', value: '97.5', numberLocale: 'en' })).toMatchObject({
      status: 'success',
      data: { value: 97.5 },
    });
    // And on an English page, "97,5" is the one refused.
    const english = await save(11, { state: 'MET', value: '97,5', numberLocale: 'en' }, 2);
    expect(english.fieldErrors?.value?.[0]).toContain('97.5?');
  });

  it('never overwrites a newer save: the second writer gets the newer value, who saved it and when', async () => {
    const { result, officer } = await registeredWard();
    const c3 = result(3);
    const first = await saveResultAction(
      idle,
      form({ resultId: c3.id, version: 1, state: 'MET', value: '1', note: 'first' }),
    );
    expect(first.status).toBe('success');
    const second = await saveResultAction(
      idle,
      form({ resultId: c3.id, version: 1, state: 'NOT_MET', value: '0', note: 'second' }),
    );
    expect(second.status).toBe('error');
    expect(second.message).toMatch(new RegExp(`${officer.name} vừa lưu một phiên bản mới hơn`));
    expect(second.data?.conflict).toMatchObject({
      state: 'MET',
      value: 1,
      note: 'first',
      version: 2,
      updatedBy: officer.name,
    });
    expect((await db().criterionResult.findUniqueOrThrow({ where: { id: c3.id } })).note).toBe(
      'first',
    );
    // Re-applying over the newer version is a deliberate, separate save.
    const reapplied = await saveResultAction(
      idle,
      form({ resultId: c3.id, version: 2, state: 'NOT_MET', value: '0', note: 'second' }),
    );
    expect(reapplied.status).toBe('success');
  });

  it('a result outside the user’s scope is not found, and stays unchanged', async () => {
    const { result } = await registeredWard({ provinceCode: '38' });
    const stranger = await makeUser('PROVINCE', { provinceCode: '40' });
    const otherWard = await makeUser('WARD', { unitId: (await makeUnit('38')).id });
    for (const user of [stranger, otherWard]) {
      await actAs(user.email);
      const answer = await saveMet(result(3).id, 1);
      expect(answer).toMatchObject({ status: 'error', message: 'Không tìm thấy dữ liệu.' });
    }
    for (const role of ['VIEWER', 'MINISTRY'] as const) {
      await actAs((await makeUser(role)).email);
      expect(await statusOf(saveMet(result(3).id, 1))).toBe('error');
    }
    expect(
      (await db().criterionResult.findUniqueOrThrow({ where: { id: result(3).id } })).version,
    ).toBe(1);
  });
});

describe('evidence', () => {
  it('stores a PDF content-addressed with its metadata; downloads it as an attachment to the scope only', async () => {
    const { result } = await registeredWard();
    const data = form({
      resultId: result(4).id,
      kind: 'FILE',
      title: 'Biên bản nghiệm thu trụ sở',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
    });
    data.set('file', new File([PDF], 'bien-ban.pdf', { type: 'application/octet-stream' }));
    expect(await postEvidence(data)).toMatchObject({ status: 'success' });
    const item = await db().evidence.findFirstOrThrow({
      where: { resultId: result(4).id },
      include: { blob: { include: { chunks: true } } },
    });
    expect(item).toMatchObject({
      kind: 'FILE',
      mimeType: 'application/pdf',
      size: PDF.length,
      fileName: 'bien-ban.pdf',
    });
    expect(item.blob?.chunks.map((c) => c.data.length)).toEqual([PDF.length]);

    const response = await downloadEvidence(new Request('http://x'), {
      params: Promise.resolve({ id: String(item.id) }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bien-ban.pdf"/,
    );
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);

    await actAs((await makeUser('PROVINCE', { provinceCode: '40' })).email);
    const foreign = await downloadEvidence(new Request('http://x'), {
      params: Promise.resolve({ id: String(item.id) }),
    });
    expect(foreign.status).toBe(404);
  });

  it('refuses disallowed, empty and oversized files, and links that are not web addresses', async () => {
    const { result } = await registeredWard();
    const upload = async (name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const data = form({ resultId: result(5).id, kind: 'FILE', title: 'Tệp' });
      data.set('file', new File([bytes], name));
      return postEvidence(data);
    };
    expect(
      (await upload('report.pdf', new TextEncoder().encode('<script>alert(1)</script>'))).message,
    ).toMatch(/Chỉ nhận PDF/);
    expect((await upload('empty.pdf', new Uint8Array())).message).toBe('Chọn tệp cần tải lên.');
    process.env.EVIDENCE_MAX_MB = '1';
    try {
      const big = new Uint8Array(1024 * 1024 + 10);
      big.set(PDF);
      expect((await upload('big.pdf', big)).message).toBe('Tệp lớn hơn 1 MB.');
    } finally {
      delete process.env.EVIDENCE_MAX_MB;
    }
    const link = await postEvidence(
      form({ resultId: result(5).id, kind: 'LINK', title: 'x', url: 'javascript:alert(1)' }),
    );
    expect(link.fieldErrors?.url).toEqual([
      'Nhập đường dẫn bắt đầu bằng http:// hoặc https://, không kèm tên đăng nhập hay mật khẩu.',
    ]);
    expect(await db().evidence.count({ where: { resultId: result(5).id } })).toBe(0);
  });

  it('stores a large file in 1 MiB pieces, once per content, and downloads it byte for byte', async () => {
    const { result } = await registeredWard();
    // 3.5 MiB: a PDF header, then bytes that differ everywhere (a misordered piece would show).
    const big = new Uint8Array(3.5 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 1) big[i] = (i * 31 + (i >> 12)) & 0xff;
    big.set(PDF);
    const send = (title: string) => {
      const data = form({ resultId: result(7).id, kind: 'FILE', title });
      data.set('file', new File([big], 'so-lieu.pdf'));
      return postEvidence(data);
    };
    expect(await send('Số liệu quý I')).toMatchObject({ status: 'success', http: 200 });
    // Files between one and two samples long are recognised by their first bytes too.
    for (const kb of [200, 300, 400, 511]) {
      const mid = new Uint8Array(kb * 1024).fill(32);
      mid.set(PDF);
      const data = form({ resultId: result(7).id, kind: 'FILE', title: `${kb} KB` });
      data.set('file', new File([mid], 'vua.pdf'));
      expect(await postEvidence(data), `${kb} KB`).toMatchObject({ status: 'success' });
    }
    expect(await send('Số liệu quý I (gửi lại)')).toMatchObject({ status: 'success' });
    const items = await db().evidence.findMany({
      where: { resultId: result(7).id, title: { startsWith: 'Số liệu' } },
    });
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.sha256)).size).toBe(1);
    const chunks = await db().blobChunk.findMany({
      where: { sha256: items[0]!.sha256! },
      orderBy: { seq: 'asc' },
    });
    expect(chunks.map((c) => c.data.length)).toEqual([1, 1, 1, 0.5].map((m) => m * 1024 * 1024));

    const response = await downloadEvidence(new Request('http://x'), {
      params: Promise.resolve({ id: String(items[0]!.id) }),
    });
    expect(response.headers.get('content-length')).toBe(String(big.length));
    const back = new Uint8Array(await response.arrayBuffer());
    expect(back.length).toBe(big.length);
    expect(Buffer.compare(back, big)).toBe(0);
  });

  it('an upload from another site, or over the limit, is refused and stores nothing', async () => {
    const { result } = await registeredWard();
    const before = await db().blobChunk.count();
    const data = form({ resultId: result(8).id, kind: 'FILE', title: 'Tệp' });
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(PDF);
    data.set('file', new File([big], 'big.pdf'));
    const { POST } = await import('@/app/api/uploads/evidence/route');
    for (const headers of [{}, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      const response = await POST(
        new Request('http://app.test/api/uploads/evidence', {
          method: 'POST',
          body: data,
          headers,
        }),
      );
      expect(response.status).toBe(403);
    }
    process.env.EVIDENCE_MAX_MB = '1';
    try {
      expect(await postEvidence(data)).toMatchObject({
        http: 413,
        message: 'Tệp lớn hơn 1 MB.',
        values: { title: 'Tệp' },
      });
    } finally {
      delete process.env.EVIDENCE_MAX_MB;
    }
    expect(await db().evidence.count({ where: { resultId: result(8).id } })).toBe(0);
    expect(await db().blobChunk.count()).toBe(before);
  });

  it('removing evidence hides it but keeps it in the audit trail', async () => {
    const { result } = await registeredWard();
    await postEvidence(
      form({
        resultId: result(6).id,
        kind: 'LINK',
        title: 'Quyết định khen thưởng',
        url: 'https://example.vn/qd.pdf',
      }),
    );
    const item = await db().evidence.findFirstOrThrow({ where: { resultId: result(6).id } });
    expect(await statusOf(removeEvidenceAction(idle, form({ evidenceId: item.id })))).toBe(
      'success',
    );
    expect(
      (await db().evidence.findUniqueOrThrow({ where: { id: item.id } })).removedAt,
    ).not.toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: 'evidence.remove', entityId: String(item.id) },
    });
    expect(event.before).toMatchObject({
      title: 'Quyết định khen thưởng',
      url: 'https://example.vn/qd.pdf',
    });
  });
});

describe('the workflow, through the actions', () => {
  it('runs draft → submitted → returned → submitted → proposed → inspecting → recognised → withdrawn', async () => {
    const { assessment, result, officer } = await registeredWard();
    const move = (name: string, fields: Record<string, string> = {}) =>
      transitionAction(idle, form({ assessmentId: assessment.id, name, ...fields }));
    const submit = () => move('submit');

    expect(await submit()).toMatchObject({
      status: 'error',
      message: 'Chưa gửi được: còn tiêu chí chưa đánh giá hoặc đang thực hiện.',
    });
    await fillAllMet(assessment.id);
    expect(await statusOf(submit())).toBe('success');

    // After submission the sheet is read-only.
    const locked = await saveMet(result(3).id, 2);
    expect(locked.message).toMatch(/đang khóa/);

    // The province returns two items with reasons; only those reopen.
    const back = form({
      assessmentId: assessment.id,
      name: 'returnByProvince',
      fixBy: fixByIn(),
      item: result(4).id,
      [`reason-${result(4).id}`]: 'Thiếu ảnh trụ sở',
    });
    back.append('item', String(result(5).id));
    back.set(`reason-${result(5).id}`, 'Danh mục thiết bị chưa ký');
    expect(await statusOf(transitionAction(idle, back))).toBe('success');
    const reopened = await db().criterionResult.findMany({
      where: { assessmentId: assessment.id, isReopened: true },
      select: { id: true },
    });
    expect(reopened.map((r) => r.id).sort()).toEqual([result(4).id, result(5).id].sort());
    expect(await statusOf(saveMet(result(3).id, 2))).toBe('error');
    expect(
      await statusOf(
        saveResultAction(
          idle,
          form({
            resultId: result(4).id,
            version: 2,
            state: 'MET',
            value: '1',
            note: 'Đã bổ sung ảnh',
          }),
        ),
      ),
    ).toBe('success');
    // Criterion 5 came back and is unchanged: the sheet cannot go back yet, and says which.
    const early = await submit();
    expect(early.status).toBe('error');
    expect(early.message).toContain('tiêu chí 5');
    expect(await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })).toMatchObject(
      { status: 'RETURNED' },
    );
    // A written answer counts as answering it.
    const comment5 = await db().reviewComment.findFirstOrThrow({
      where: { resultId: result(5).id, isReturn: true, resolvedAt: null },
    });
    expect(
      await statusOf(
        respondToReturnAction(
          idle,
          form({ commentId: comment5.id, response: 'Đã ký bổ sung, bản chụp gửi kèm' }),
        ),
      ),
    ).toBe('success');
    expect(await statusOf(submit())).toBe('success');
    expect(
      await db().reviewComment.count({
        where: { result: { assessmentId: assessment.id }, resolvedAt: null },
      }),
    ).toBe(0);

    // The Ministry cannot propose; the province can.
    const inspector = await makeUser('MINISTRY');
    await actAs(inspector.email);
    expect(await move('propose')).toMatchObject({ status: 'error' });
    await actAs(officer.email);
    expect(await statusOf(move('propose'))).toBe('success');
    expect(
      await move('recognise', { decisionNumber: '1/QĐ', decisionDate: '2026-11-01' }),
    ).toMatchObject({ status: 'error' });

    await actAs(inspector.email);
    expect((await move('startInspection')).status).toBe('success');
    const future = await move('recognise', {
      decisionNumber: '1234/QĐ-BCA',
      decisionDate: '2099-01-01',
    });
    expect(future.fieldErrors?.['decision']).toBeDefined();
    expect(
      await statusOf(
        move('recognise', { decisionNumber: '1234/QĐ-BCA', decisionDate: '2026-11-15' }),
      ),
    ).toBe('success');
    const decision = await db().recognitionDecision.findUniqueOrThrow({
      where: { assessmentId: assessment.id },
    });
    expect(decision).toMatchObject({ number: '1234/QĐ-BCA', year: YEAR });

    // Recognised is read-only; withdrawal needs a reason.
    expect((await move('withdrawRecognition')).fieldErrors?.reason).toEqual([
      'Vui lòng nêu lý do.',
    ]);
    expect(
      await statusOf(
        move('withdrawRecognition', {
          reason: 'Không duy trì tiêu chí 10',
          decisionNumber: '88/QĐ-BCA',
          decisionDate: '2026-11-20',
        }),
      ),
    ).toBe('success');
    // The withdrawal is itself a numbered, dated decision.
    expect(
      await db().recognitionDecision.findUniqueOrThrow({ where: { assessmentId: assessment.id } }),
    ).toMatchObject({
      withdrawnReason: 'Không duy trì tiêu chí 10',
      withdrawnNumber: '88/QĐ-BCA',
      withdrawnOn: new Date('2026-11-20T00:00:00Z'),
    });

    const steps = await db().auditEvent.findMany({
      where: { entity: 'assessment', entityId: String(assessment.id) },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(steps.map((s) => s.action)).toEqual([
      'assessment.register',
      'assessment.submit',
      'assessment.returnByProvince',
      'assessment.submit',
      'assessment.propose',
      'assessment.startInspection',
      'assessment.recognise',
      'assessment.withdrawRecognition',
    ]);
  });

  it('refuses a transition from the wrong status and a return without items', async () => {
    const { assessment } = await registeredWard();
    expect(
      (await transitionAction(idle, form({ assessmentId: assessment.id, name: 'propose' })))
        .message,
    ).toBe('Bước này không thực hiện được ở trạng thái hiện tại của hồ sơ.');
    await fillAllMet(assessment.id);
    await transitionAction(idle, form({ assessmentId: assessment.id, name: 'submit' }));
    expect(
      await statusOf(
        transitionAction(idle, form({ assessmentId: assessment.id, name: 'returnByProvince' })),
      ),
    ).toBe('error');
    const noReason = await transitionAction(
      idle,
      form({ assessmentId: assessment.id, name: 'returnByProvince', item: 999999 }),
    );
    expect(noReason.status).toBe('error');
    expect(
      await statusOf(db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })),
    ).toBe('SUBMITTED');
  });

  it('an assessment outside the scope cannot be moved (not found)', async () => {
    const { assessment } = await registeredWard({ provinceCode: '38' });
    await actAs((await makeUser('PROVINCE', { provinceCode: '79' })).email);
    expect(
      await transitionAction(
        idle,
        form({ assessmentId: assessment.id, name: 'cancelRegistration' }),
      ),
    ).toMatchObject({
      status: 'error',
      message: 'Không tìm thấy hồ sơ.',
    });
    expect(
      await statusOf(db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })),
    ).toBe('DRAFT');
  });
});

describe('expected evidence', () => {
  it('counts due criteria without evidence as evidence comes and goes; a step that sends the dossier on is refused only while required evidence is missing', async () => {
    const { assessment, result } = await registeredWard();
    const bare = async () =>
      (await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })).bareCount;
    const note = (n: number) =>
      postEvidence(form({ resultId: result(n).id, kind: 'NOTE', title: 'Biên bản', note: 'x' }));
    expect(await bare()).toBe(22);

    // A criterion not yet due needs none; one with evidence is no longer bare.
    await fillAllMet(assessment.id);
    const c9 = await db().criterionResult.findUniqueOrThrow({ where: { id: result(9).id } });
    expect(
      await statusOf(
        saveResultAction(
          idle,
          form({ resultId: c9.id, version: c9.version, state: 'NOT_DUE', note: '' }),
        ),
      ),
    ).toBe('success');
    expect(await bare()).toBe(21);
    expect(await note(3)).toMatchObject({ status: 'success' });
    expect(await bare()).toBe(20);
    const item = await db().evidence.findFirstOrThrow({ where: { resultId: result(3).id } });
    expect(await statusOf(removeEvidenceAction(idle, form({ evidenceId: item.id })))).toBe(
      'success',
    );
    expect(await bare()).toBe(21);

    // The criteria set requires evidence for criterion 3: submitting is refused, naming it.
    const criterionId = result(3).criterionId;
    await db().criterion.update({ where: { id: criterionId }, data: { evidenceRequired: true } });
    try {
      const submit = () =>
        transitionAction(idle, form({ assessmentId: assessment.id, name: 'submit' }));
      expect(await submit()).toMatchObject({
        status: 'error',
        message: 'Chưa chuyển được: tiêu chí 3 bắt buộc có minh chứng nhưng chưa có.',
      });
      expect(
        await statusOf(db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })),
      ).toBe('DRAFT');

      // With it, the step goes through, and the criteria still bare are recorded with it.
      expect(await note(3)).toMatchObject({ status: 'success' });
      expect(await statusOf(submit())).toBe('success');
      const event = await db().auditEvent.findFirstOrThrow({
        where: { action: 'assessment.submit', entityId: String(assessment.id) },
      });
      const expected = Array.from({ length: 22 }, (_, i) => i + 1).filter(
        (n) => n !== 3 && n !== 9,
      );
      expect(event.after).toMatchObject({ criteriaWithoutEvidence: expected });
    } finally {
      await db().criterion.update({
        where: { id: criterionId },
        data: { evidenceRequired: false },
      });
    }
  });
});
