// The teacher's toolkit (issue #17): a teacher composes a quiz (scope, length, title,
// instructions) and sees how many questions it allows; previews it and prints a worksheet
// and an answer key (PDF pages); two students in fresh browsers take it and get result
// codes; the teacher pastes both, a corrupted one and a duplicate, and sees the right table.
// Axe finds nothing on any new view in the light and the dark theme; at 360 px nothing
// scrolls sideways. Run with SCREENSHOTS=1 to write docs/screenshots/teacher-*.png.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appUrl } from './fixtures.mjs';

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** A quiz fixed by its seed: multiple choice and true/false, in Yezhov's era. */
const QUIZ = 'seed=4242&n=4&k=mc,tf&t=people,dates,numbers,orgs,quotes&era=yezhov&title=Week%204%3A%20the%20Terror&note=Work%20alone.';
const PREVIEW = `#/teacher/preview?${QUIZ}`;

const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

/** Takes the quiz on the page, answering each question with option `pick` (1 or 2). */
async function takeQuiz(page, pick) {
  for (let i = 0; i < 4; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 4`);
    await page.keyboard.press(String(pick));
    await expect(page.locator('#next-question')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.results h2')).toContainText(/Your score: \d of 4/);
  return Number((await page.locator('.results h2').textContent()).match(/(\d) of 4/)[1]);
}

test('compose: the count follows the choice, a long quiz is cut and said so, none is flagged', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open('#/teacher?seed=4242&n=10&k=mc,tf&t=people,dates');
  await expect(page.locator('main h1')).toHaveText('Compose a quiz for your class');
  const count = page.locator('#available-count');
  await expect(count).toContainText(/allows \d+ (or more )?distinct questions/);
  // One person: fewer questions; ask for 50 and the quiz is cut to what there is.
  await page.getByLabel('Nikolai Yezhov', { exact: true }).check();
  await expect(count).toHaveText(/This choice allows \d+ distinct questions?\./);
  const allowed = Number((await count.textContent()).match(/(\d+)/)[1]);
  expect(allowed).toBeGreaterThan(0);
  expect(allowed).toBeLessThan(50);
  await page.getByLabel('Number of questions').fill('50');
  await expect(page.locator('.clamp-note')).toHaveText(`You asked for 50 questions; the quiz will have ${allowed}, every question this choice allows.`);
  await expect(page.locator('.share-link')).toContainText(`n=${allowed}&`);
  await expect(page.locator('.share-link')).toContainText('who=yezhov');
  // Title and instructions go into the link; Copy copies it.
  await page.getByLabel('Title').fill('Yezhov & co');
  await page.getByLabel('Instructions for the students').fill('No notes.');
  await expect(page.locator('.share-link')).toContainText('title=Yezhov%20%26%20co');
  await page.getByRole('button', { name: 'Copy the link' }).click();
  await expect(page.locator('.share-actions [role=status]')).toHaveText(' Copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.locator('.share-link').textContent());
  // The address keeps the choice: a reload shows the same page.
  await page.reload();
  await expect(page.getByLabel('Nikolai Yezhov', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Title')).toHaveValue('Yezhov & co');
  // A choice that gives no question is flagged before anyone starts it.
  await app.open('#/teacher?seed=1&n=5&k=order&t=people');
  await expect(page.locator('#available-count')).toHaveText('No question fits this choice.');
  await expect(page.locator('.share-box')).toBeHidden();
  await expect(page.getByText('There is no link to share until the choice allows a question.')).toBeVisible();
});

test('preview lists every question with its answer and passage; worksheet and key print', async ({ page, app }) => {
  await app.open(PREVIEW);
  await expect(page.locator('main h1')).toHaveText('Week 4: the Terror');
  await expect(page.locator('.quiz-instructions')).toHaveText('Work alone.');
  await expect(page.locator('.sheet-question')).toHaveCount(4);
  await expect(page.locator('.sheet-answer')).toHaveCount(4);
  await expect(page.locator('.sheet-answer .passage-link')).toHaveCount(await page.locator('.sheet-answer .passage-link').count());
  expect(await page.locator('.sheet-answer .passage-link').count()).toBeGreaterThanOrEqual(4);
  // The worksheet: no answers, a name line, the title and the link.
  await page.getByRole('link', { name: 'Worksheet' }).click();
  await expect(page).toHaveURL(/view=sheet/);
  await expect(page.locator('.sheet-answer')).toHaveCount(0);
  await expect(page.locator('.sheet-name')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.sheet-tools')).toBeHidden();
  await expect(page.locator('.sheet-header h1')).toBeVisible();
  await expect(page.locator('.sheet-link')).toContainText('#/quiz?seed=4242');
  const sheet = await page.pdf({ format: 'A4' });
  expect(pdfPages(sheet)).toBe(1);
  // The key of a 30-question quiz runs over pages, and no question is split between two.
  await page.emulateMedia({ media: 'screen' });
  await app.open('#/teacher/preview?seed=4242&n=30&title=Long%20quiz&view=key');
  await expect(page.locator('.sheet-question')).toHaveCount(30);
  await expect(page.locator('.sheet-answer')).toHaveCount(30);
  await page.emulateMedia({ media: 'print' });
  const key = await page.pdf({ format: 'A4' });
  expect(pdfPages(key)).toBeGreaterThan(1);
  const splits = await page.locator('.sheet-question').evaluateAll((els) => els.filter((el) => getComputedStyle(el).breakInside !== 'avoid').length);
  expect(splits).toBe(0);
});

test('two students take the quiz; the teacher gathers their codes', async ({ page, app, browser }) => {
  const codes = [];
  const scores = [];
  const names = ['Ann Smith', 'Bob Jones'];
  for (const [i, name] of names.entries()) {
    const context = await browser.newContext();
    const student = await context.newPage();
    await student.goto(appUrl(`#/quiz?${QUIZ}`));
    await expect(student.locator('main h1')).toHaveText('Week 4: the Terror');
    await expect(student.locator('.quiz-instructions')).toHaveText('Work alone.');
    scores.push(await takeQuiz(student, i + 1));
    await student.getByLabel('Your name').fill(name);
    await expect(student.locator('.result-text')).toHaveText(`${name}: ${scores[i]} of 4 right`);
    const code = (await student.locator('.result-code').textContent()).trim();
    expect(code).toMatch(/^NK1[0-9A-Z]+-[0-9A-Z]{7}$/);
    expect(await student.evaluate(() => localStorage.getItem('nkvd-study/student-name'))).toBe(name);
    // The result file holds the same code.
    const [download] = await Promise.all([
      student.waitForEvent('download'),
      student.getByRole('button', { name: 'Download the result file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`quiz-result-${name.replace(' ', '-')}.txt`);
    const file = fs.readFileSync(await download.path(), 'utf8');
    expect(file).toContain(code);
    if (i === 0) fs.writeFileSync(test.info().outputPath('ann.txt'), file);
    codes.push(code);
    await context.close();
  }
  // One character changed in the middle of Bob's code.
  const bob = codes[1];
  const at = Math.floor(bob.length / 2);
  const corrupted = bob.slice(0, at) + (bob[at] === 'A' ? 'B' : 'A') + bob.slice(at + 1);

  await app.open('#/teacher/results');
  await page.getByLabel(/Result codes/).fill(`${codes[0]}\n${corrupted}\n${codes[1]}`);
  await page.getByRole('button', { name: 'Add these codes' }).click();
  await expect(page.locator('.class-summary')).toHaveText('3 codes read: 2 results taken, 0 duplicates ignored, 1 refused.');
  await expect(page.locator('.rejected-codes li')).toHaveCount(1);
  await expect(page.locator('.rejected-codes li')).toContainText('checksum does not match');
  // Ann's file again: a duplicate, ignored.
  await page.getByLabel(/Result files/).setInputFiles(test.info().outputPath('ann.txt'));
  await expect(page.locator('.class-summary')).toHaveText('4 codes read: 2 results taken, 1 duplicate ignored, 1 refused.');
  // Bob's code dropped as a file: another duplicate.
  const dropped = await page.evaluateHandle((code) => {
    const data = new DataTransfer();
    data.items.add(new File([`# result\n${code}\n`], 'bob.txt', { type: 'text/plain' }));
    return data;
  }, codes[1]);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.locator('.class-summary')).toHaveText('5 codes read: 2 results taken, 2 duplicates ignored, 1 refused.');
  const rows = page.locator('.class-table').first().locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('th')).toHaveText('Ann Smith');
  await expect(rows.nth(0).locator('td').first()).toHaveText(`${scores[0]} / 4`);
  await expect(rows.nth(1).locator('th')).toHaveText('Bob Jones');
  await expect(rows.nth(1).locator('td').first()).toHaveText(`${scores[1]} / 4`);
  await expect(page.locator('.question-table tbody tr')).toHaveCount(4);
  // The CSV for a gradebook.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV for a gradebook' }).click(),
  ]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe('name,score,out_of,finished_utc,seconds,q1,q2,q3,q4');
  expect(text).toContain(`Ann Smith,${scores[0]},4,`);
  expect(text).toContain(`Bob Jones,${scores[1]},4,`);
});

/** A finished quiz with its result code (for the axe and phone checks). */
async function finished(page, app) {
  await app.open('#/'); // a fresh quiz even if this page has just finished it
  await app.open(`#/quiz?${QUIZ}`);
  await takeQuiz(page, 1);
  await page.getByLabel('Your name').fill('Ann');
}

async function classPage(page, app) {
  await finished(page, app);
  const code = (await page.locator('.result-code').textContent()).trim();
  await app.open('#/teacher/results');
  await page.getByLabel(/Result codes/).fill(`${code} NK1BAD-0000000`);
  await page.getByRole('button', { name: 'Add these codes' }).click();
  await expect(page.locator('.class-table').first()).toBeVisible();
}

const VIEWS = {
  compose: (page, app) => app.open(`#/teacher?${QUIZ}`),
  preview: (page, app) => app.open(PREVIEW),
  worksheet: (page, app) => app.open(`${PREVIEW}&view=sheet`),
  'answer key': (page, app) => app.open(`${PREVIEW}&view=key`),
  'quiz results with the code': finished,
  'class results': classPage,
};

for (const scheme of ['light', 'dark']) {
  for (const [name, open] of Object.entries(VIEWS)) {
    test(`axe finds nothing: ${name} (${scheme})`, async ({ page, app }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, app);
      expect(await axe(page)).toEqual([]);
    });
  }
}

test('at 360 px: no sideways scroll, text at least 12 px, tap targets at least 24 px', async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const [name, open] of Object.entries(VIEWS)) {
    await open(page, app);
    const report = await page.evaluate(() => {
      const wide = document.documentElement.scrollWidth > window.innerWidth;
      const small = [];
      const short = [];
      for (const el of document.querySelectorAll('main *')) {
        if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        if (el.closest('.visually-hidden')) continue;
        if (parseFloat(getComputedStyle(el).fontSize) < 12) small.push(el.className || el.tagName);
      }
      for (const a of document.querySelectorAll('main button, main a, main input, main select')) {
        // A checkbox is tapped through its label.
        const r = (a.closest('label') ?? a).getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.height < 24 && !a.classList.contains('passage-link') && !a.closest('p, li, td')) short.push(a.textContent.slice(0, 40) || a.id);
      }
      return { wide, small, short };
    });
    expect(report, name).toEqual({ wide: false, small: [], short: [] });
  }
});

test('keyboard alone: compose to preview, focus never drops to the body', async ({ page, app }) => {
  await app.open(`#/teacher?${QUIZ}`);
  await page.getByRole('button', { name: 'Copy the link' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Preview and print' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('.sheet-question')).toHaveCount(4);
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
});

if (process.env.SCREENSHOTS) {
  for (const width of [360, 1280]) {
    test(`screenshots at ${width} px`, async ({ page, app }) => {
      await page.setViewportSize({ width, height: 900 });
      const shot = (name) => page.screenshot({ path: `docs/screenshots/teacher-${name}-${width}.png`, fullPage: true });
      await app.open(`#/teacher?${QUIZ}`);
      await shot('compose');
      await app.open(PREVIEW);
      await shot('preview');
      await app.open(`${PREVIEW}&view=sheet`);
      await page.emulateMedia({ media: 'print' });
      await shot('print-worksheet');
      await page.emulateMedia({ media: 'screen' });
      await finished(page, app);
      await shot('student-code');
      await classPage(page, app);
      await shot('class-results');
    });
  }
}
