import { describe, expect, it } from 'vitest';
import { stripReply, stripReplyDetailed, type StripRule } from './strip-reply.js';

const reply = 'Thanks, the new invoice looks right.\n\nAnn';

/** Our reply, a blank line, `attribution`, and a quoted earlier message. */
function withHistory(attribution: string): string {
  return `${reply}\n\n${attribution}\n\n> Please find invoice INV-0042 attached.\n> Kind regards, Acme`;
}

function rulesOf(text: string): StripRule[] {
  return stripReplyDetailed(text).removed.map((part) => part.rule);
}

describe('history after an attribution line', () => {
  const cases: Record<string, string[]> = {
    English: [
      'On Mon, Feb 3, 2020 at 10:00 AM Bob Stone <bob@acme.test> wrote:',
      'On 3 Feb 2020, at 10:00, Bob Stone <bob@acme.test> wrote:',
      'On 03/02/2020 10:00, Bob Stone wrote:',
      'On Monday, February 3, 2020, Bob Stone wrote:',
      'Bob Stone <bob@acme.test> wrote:',
      '---- On Mon, 03 Feb 2020 10:00:00 +0000 Bob Stone <bob@acme.test> wrote ----',
      'At 2/3/2020 10:00 AM, you wrote:',
      '2020-02-03 10:00 GMT+01:00 Bob Stone <bob@acme.test>:',
    ],
    German: [
      'Am 03.02.2020 um 10:00 schrieb Bob Stone <bob@acme.test>:',
      'Am Mo., 3. Feb. 2020 um 10:00 Uhr schrieb Bob Stone <bob@acme.test>:',
      'Am 03.02.20 um 10:00 schrieb Bob Stone:',
      'Bob Stone <bob@acme.test> schrieb am Mo., 3. Feb. 2020, 10:00:',
    ],
    Italian: [
      'Il giorno lun 3 feb 2020 alle ore 10:00 Bob Stone <bob@acme.test> ha scritto:',
      'Il giorno 3 feb 2020, alle ore 10:00, Bob Stone <bob@acme.test> ha scritto:',
      'Il 03/02/2020 10:00, Bob Stone ha scritto:',
    ],
    Russian: [
      '3 февр. 2020 г., в 10:00, Иван Петров <ivan@acme.test> написал(а):',
      'пн, 3 февр. 2020 г. в 10:00, Иван Петров <ivan@acme.test>:',
      '03.02.2020 10:00, Иван Петров пишет:',
      'Иван Петров написал(а):',
      'понедельник, 3 февраля 2020 г. пользователь Иван Петров написал:',
    ],
    Japanese: [
      '2020年2月3日(月) 10:00 山田太郎 <taro@acme.test>:',
      '山田太郎 さんは書きました:',
      '2020/02/03 10:00 に 山田太郎 さんは書きました:',
      '2020/02/03 10:00、山田太郎 <taro@acme.test>のメール:',
      'On 2020/02/03 10:00, Taro Yamada wrote:',
    ],
    Arabic: [
      'في الاثنين، 3 فبراير 2020 10:00 ص، كتب أحمد علي <ahmed@acme.test>:',
      'كتب أحمد علي <ahmed@acme.test>:',
      'بتاريخ 03/02/2020 10:00 كتب أحمد علي:',
      'في ٣ فبراير ٢٠٢٠ ١٠:٠٠ ص، كتب أحمد علي:',
      '\u202bفي الاثنين، 3 فبراير 2020 10:00 ص، كتب أحمد علي <ahmed@acme.test>:\u202c',
    ],
    French: ['Le lun. 3 févr. 2020 à 10:00, Bob Stone <bob@acme.test> a écrit :', 'Le 03/02/2020 à 10:00, Bob Stone a\u00a0écrit\u00a0:'],
    Spanish: ['El lun., 3 feb. 2020 a las 10:00, Bob Stone (<bob@acme.test>) escribió:'],
    Portuguese: ['Em seg., 3 de fev. de 2020 às 10:00, Bob Stone <bob@acme.test> escreveu:'],
    Dutch: ['Op ma 3 feb. 2020 om 10:00 schreef Bob Stone <bob@acme.test>:', 'Op 3 feb. 2020 om 10:00 heeft Bob Stone <bob@acme.test> het volgende geschreven:'],
    Polish: ['W dniu 3.02.2020 o 10:00, Bob Stone pisze:', 'pon., 3 lut 2020 o 10:00 Bob Stone <bob@acme.test> napisał(a):'],
    Swedish: ['Den 3 feb. 2020 kl. 10:00 skrev Bob Stone <bob@acme.test>:'],
    Norwegian: ['man. 3. feb. 2020 kl. 10:00 skrev Bob Stone <bob@acme.test>:'],
    Ukrainian: ['пн, 3 лют. 2020 р. о 10:00 Іван Петренко <ivan@acme.test> пише:'],
    Chinese: ['在 2020年2月3日，上午10:00，张伟 <zhang@acme.test> 写道：', '张伟 <zhang@acme.test> 于2020年2月3日周一 上午10:00写道：'],
  };
  for (const [language, attributions] of Object.entries(cases)) {
    it.each(attributions)(`${language}: %s`, (attribution) => {
      expect(stripReply(withHistory(attribution))).toBe(reply);
      expect(rulesOf(withHistory(attribution))).toEqual(['history-after-attribution']);
    });
  }

  it('takes an attribution that wraps over several lines, and nothing of the reply above it', () => {
    const wrapped = [
      'Am 03.02.2020 um 10:00 schrieb "Bob Stone" <bob@acme.test\n>:',
      'On Mon, Feb 3, 2020 at 10:00 AM Bob Stone <\nbob@acme.test> wrote:',
      'On Mon, Feb 3, 2020 at 10:00 AM, Bob Stone <bob@acme.test>\nwrote:',
      'Le 3 févr. 2020 10:00, "Bob Stone"\n<bob@acme.test>\na écrit :',
      'Bob Stone <bob@acme.test> schrieb am Mo., 3.\nFeb. 2020 um 10:00 Uhr:',
      'On Mon, 3 Feb 2020 at 10:00 Bob Stone\n\n<\nmailto:bob@acme.test\n> wrote:',
    ];
    for (const attribution of wrapped) expect(stripReply(withHistory(attribution))).toBe(reply);
    // No blank line between the reply and the attribution
    expect(stripReply(`See you then.\nOp 3 feb. 2020 10:00 schreef "Bob" <bob@acme.test> het\nvolgende geschreven:\n\n> Tomorrow?`)).toBe(
      'See you then.',
    );
  });

  it('cuts when no quote follows: the older message is pasted unquoted', () => {
    const text = 'Yes, please.\n\nOn Mon, Feb 3, 2020 at 10:00 AM Bob Stone <bob@acme.test> wrote:\n\nShall we send the invoice?\n\nBob';
    expect(stripReply(text)).toBe('Yes, please.');
  });
});

describe('attribution line alone', () => {
  it('interleaved reply: drops the attribution and the quoted questions, keeps every answer in order', () => {
    const text = [
      'Hi Bob,',
      '',
      'On Mon, Feb 3, 2020 at 10:00 AM Bob Stone <bob@acme.test> wrote:',
      '> Can you pay by Friday?',
      'Yes.',
      '',
      '> Do you need a new invoice?',
      'No, thanks.',
    ].join('\n');
    expect(stripReply(text)).toBe('Hi Bob,\n\nYes.\n\nNo, thanks.');
    expect(rulesOf(text)).toEqual(['attribution-line', 'interleaved-quote', 'interleaved-quote']);
    expect(stripReplyDetailed(text).removed.filter((part) => part.rule === 'interleaved-quote').map((part) => part.text)).toEqual([
      '> Can you pay by Friday?',
      '> Do you need a new invoice?',
    ]);
  });

  it('at the top above plain text: only the attribution goes', () => {
    expect(stripReply('On 3 Feb 2020, at 10:00, Bob <bob@acme.test> wrote:\n\nThe payment went out today.')).toBe(
      'The payment went out today.',
    );
  });
});

describe('interleaved and inline quotes', () => {
  it('an attribution on top, answers between the quoted lines, the rest of the quote below', () => {
    const text = 'Am 03.02.20 um 10:00 schrieb Bob:\n> Hallo Anna,\n> zahlen Sie bis Freitag?\nJa.\n> Brauchen Sie eine neue Rechnung?\nNein.\n>\n> Bob';
    expect(stripReply(text)).toBe('Ja.\nNein.');
    expect(rulesOf(text)).toEqual(['attribution-line', 'interleaved-quote', 'interleaved-quote', 'trailing-quote']);
  });

  it('answers between quotes with no attribution at all', () => {
    expect(stripReply('> Can you pay by Friday?\n\nYes.\n\n> New invoice?\n\nNo.')).toBe('Yes.\n\nNo.');
  });

  it('keeps one answered quote between two paragraphs, and a quote of something else above the reply', () => {
    const one = 'See below.\nOn Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n> The invoice is attached.\n\nThat is the one I meant.';
    expect(stripReply(one)).toBe('See below.\n> The invoice is attached.\n\nThat is the one I meant.');
    expect(stripReply('> This is a quote.\n\nAnd this is some text.')).toBe('> This is a quote.\n\nAnd this is some text.');
  });

  it("Gmail's inline quote: a line of the message quoted on top and answered, the history below", () => {
    const text = '> Can you pay by Friday?\n\nYes, on Thursday.\n\nOn Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n\n> Hi Ann,\n> Can you pay by Friday?\n> Bob';
    expect(stripReply(text)).toBe('Yes, on Thursday.');
    expect(rulesOf(text)).toEqual(['inline-quote', 'history-after-attribution']);
  });

  it('a quote on top that is not in the history below stays', () => {
    const text = '> Something else entirely.\n\nYes, on Thursday.\n\nOn Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n\n> Can you pay by Friday?';
    expect(stripReply(text)).toBe('> Something else entirely.\n\nYes, on Thursday.');
  });
});

describe('Yahoo', () => {
  it('a reply below the quote Yahoo indents by spaces', () => {
    const text = '   On Monday, February 3, 2020, 10:00:00 AM GMT+1, Bob Stone <bob@acme.test> wrote:  \n \n   Hi Ann,\n   can you pay by Friday?\n\nYes, on Thursday.';
    expect(stripReply(text)).toBe('Yes, on Thursday.');
    expect(rulesOf(text)).toEqual(['quote-above-reply']);
  });

  it('keeps a code block (four spaces) under an attribution at the top', () => {
    const text = 'On 8 May 2017 17:34, "Andy" <andy@acme.test> wrote:\n\n    nil && 2.0\n\nIt should be 2.0.';
    expect(stripReply(text)).toBe('    nil && 2.0\n\nIt should be 2.0.');
  });

  it.each([
    ['Russian', 'понедельник, 3 февраля 2020 г., 10:00:00 GMT+3, Bob Stone написал(-а):'],
    ['German', 'Am Montag, 3. Februar 2020, 10:00:00 MEZ hat Bob Stone Folgendes geschrieben:'],
  ])("Yahoo's %s attribution without an address", (_language, attribution) => {
    expect(stripReply(`${reply}\n\n    ${attribution}  \n \n Can you pay by Friday?`)).toBe(reply);
  });
});

describe('quote above the reply (bottom-posting)', () => {
  it('drops the attribution and the quote, keeps the reply under them', () => {
    const text = 'Am 03.02.2020 um 10:00 schrieb Bob Stone <bob@acme.test>:\n> Passt Freitag?\n> Bob\n\nJa, Freitag passt.';
    expect(stripReply(text)).toBe('Ja, Freitag passt.');
    expect(rulesOf(text)).toEqual(['quote-above-reply']);
  });
});

describe('Outlook header blocks', () => {
  const blocks: Record<string, string> = {
    English: 'From: Bob Stone <bob@acme.test>\nSent: Monday, February 3, 2020 10:00 AM\nTo: Ann <ann@client.test>\nSubject: Invoice INV-0042',
    'English, bold and wrapped': '*From:* Bob Stone\n*Sent:* 2020-02-03\n*To:* ann@client.test\n*Subject:* A subject that goes on\nover two lines',
    German: 'Von: Bob Stone <bob@acme.test>\nGesendet: Montag, 3. Februar 2020 10:00\nAn: Ann <ann@client.test>\nBetreff: Rechnung INV-0042',
    Italian: 'Da: Bob Stone <bob@acme.test>\nInviato: lunedì 3 febbraio 2020 10:00\nA: Ann <ann@client.test>\nOggetto: Fattura INV-0042',
    Russian: 'От: Иван Петров <ivan@acme.test>\nОтправлено: 3 февраля 2020 г. 10:00\nКому: Ann <ann@client.test>\nТема: Счёт INV-0042',
    Japanese: '差出人: 山田太郎 <taro@acme.test>\n送信日時: 2020年2月3日 10:00\n宛先: Ann <ann@client.test>\n件名: 請求書 INV-0042',
    Arabic: 'من: أحمد علي <ahmed@acme.test>\nتم الإرسال: الاثنين، 3 فبراير 2020 10:00 ص\nإلى: Ann <ann@client.test>\nالموضوع: الفاتورة INV-0042',
    French: 'De : Bob Stone <bob@acme.test>\nEnvoyé : lundi 3 février 2020 10:00\nÀ : Ann <ann@client.test>\nObjet : Facture INV-0042',
    Chinese: '发件人: 张伟 <zhang@acme.test>\n发送时间: 2020年2月3日 10:00\n收件人: Ann <ann@client.test>\n主题: 发票 INV-0042',
  };
  it.each(Object.entries(blocks))('%s', (_language, block) => {
    const text = `${reply}\n\n________________________________\n${block}\n\nPlease find the invoice attached.\n\nBob`;
    expect(stripReply(text)).toBe(reply);
    expect(rulesOf(text)).toEqual(['trailing-separator', 'history-after-headers']);
  });

  it('needs three header lines, one naming the sender: a "To:" line in a reply stays', () => {
    const text = 'Please send it to:\nTo: Accounts Payable\nSubject: keep the invoice number\n\nThanks';
    expect(stripReply(text)).toBe(text);
  });

  it('a message forwarded without a comment keeps the forwarded body', () => {
    const text = '---------- Forwarded message ---------\nFrom: Bob <bob@acme.test>\nDate: Mon, Feb 3, 2020 at 10:00 AM\nSubject: Invoice\nTo: <ann@client.test>\n\n\nThe invoice is attached.';
    expect(stripReply(text)).toBe('The invoice is attached.');
    expect(rulesOf(text)).toEqual(['attribution-line', 'header-block']);
  });
});

describe('forwarded and original-message markers', () => {
  const markers = [
    '-----Original Message-----',
    '---------- Forwarded message ---------',
    '*-------- Original Message --------*',
    'Begin forwarded message:',
    '-----Ursprüngliche Nachricht-----',
    '---------- Weitergeleitete Nachricht ---------',
    '-------- Messaggio originale --------',
    '---------- Messaggio inoltrato ---------',
    '-------- Исходное сообщение --------',
    '---------- Пересылаемое сообщение ----------',
    '-----元のメッセージ-----',
    '---------- 転送されたメッセージ ---------',
    '-----الرسالة الأصلية-----',
    '---------- الرسالة المعاد توجيهها ---------',
    '-----Mensaje original-----',
    '------------------ 原始邮件 ------------------',
  ];
  it.each(markers)('%s', (marker) => {
    const text = `${reply}\n\n${marker}\nSome earlier message.`;
    expect(stripReply(text)).toBe(reply);
    expect(rulesOf(text)).toEqual(['history-after-attribution']);
  });
});

describe('signature delimiter', () => {
  it('cuts at "-- " and at "--" on a line of their own', () => {
    expect(stripReply(`${reply}\n\n-- \nAnn Smith\nClient Corp · +1 555 0100`)).toBe(reply);
    expect(stripReply(`${reply}\n--\nAnn Smith`)).toBe(reply);
    expect(rulesOf(`${reply}\n--\nAnn Smith`)).toEqual(['signature']);
  });

  it('keeps "--" and "-- " inside a sentence', () => {
    const text = 'The total -- including tax -- is right.\nAnd the due date -- is fine.\nA line ending in -- \nis text too.';
    expect(stripReply(text)).toBe(text);
  });

  it('keeps "--" inside a code block and inside a quote the sender keeps', () => {
    const code = 'Run this:\n\n```\nnpm test\n--\nnpm run build\n```\n\nThat is all.';
    expect(stripReply(code)).toBe(code);
    const quote = '> the old signature\n> --\n> Bob\n\nI answer below the quote.';
    expect(stripReply(quote)).toBe(quote);
  });
});

describe('signature under a long rule', () => {
  it('cuts a short block under a rule of ten or more characters', () => {
    const text = `${reply}\n\n______________________\nAnn Smith\nHead of Accounts, Client Corp`;
    expect(stripReply(text)).toBe(reply);
    expect(rulesOf(text)).toEqual(['signature-after-separator']);
  });

  it('keeps a short "---" between two parts of a message, and a long rule above a long part', () => {
    const short = 'Invoice 41 is paid.\n\n---\n\nInvoice 42: wrong amount.';
    expect(stripReply(short)).toBe(short);
    const long = `Summary first.\n\n==========\n${Array.from({ length: 8 }, (_, i) => `Point ${i + 1}.`).join('\n')}`;
    expect(stripReply(long)).toBe(long);
  });
});

describe('trailing quote', () => {
  it('drops a quote at the end when the sender wrote something above it', () => {
    expect(stripReply(`${reply}\n\n> Please pay by Friday.\n>\n> Bob`)).toBe(reply);
  });

  it('keeps a ">" line the sender wrote in the middle of the reply', () => {
    const text = 'You wrote that\n> 5 invoices are overdue\nbut I count 3.\n\nAnn';
    expect(stripReply(text)).toBe(text);
  });

  it('keeps a quote at the top with the answer under it', () => {
    const text = '> Can you pay by Friday?\n\nYes, on Thursday.';
    expect(stripReply(text)).toBe(text);
  });

  it('keeps a message that is nothing but a quote', () => {
    expect(stripReply('> Only a quote.')).toBe('> Only a quote.');
  });

  it('a message of nothing but quoted attributions says nothing', () => {
    const text = Array.from({ length: 5 }, (_, i) => `${'>'.repeat(i + 1)} On Mon, Feb 3, 2020 at 10:00 AM, "Bob" <bob@acme.test> wrote:\n${'>'.repeat(i + 1)}`).join('\n');
    expect(stripReply(text)).toBe('');
  });
});

describe('quoted attributions and trailing rules', () => {
  it('drops "> On … wrote:" inside a quote that stays', () => {
    const text = 'Hi,\n\n> On Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n> > Pay by Friday?\nYes, Thursday.';
    expect(stripReply(text)).toBe('Hi,\n\n> > Pay by Friday?\nYes, Thursday.');
    expect(rulesOf(text)).toEqual(['quoted-attribution']);
  });

  it('drops rule lines and "ᐧ" left at the end', () => {
    const text = `${reply}\n\nᐧ\n--\n***\n~~~~~\n   -------`;
    expect(stripReply(text)).toBe(reply);
    // "ᐧ" (Gmail's tracking-image placeholder) is above the "--"
    expect(rulesOf(text)).toEqual(['trailing-separator', 'signature']);
    expect(rulesOf(`${reply}\n\n***\n~~~~~`)).toEqual(['trailing-separator']);
  });
});

describe('mobile signatures', () => {
  const signatures = [
    'Sent from my iPhone',
    'Sent from Outlook Mobile<https://aka.ms/ghei36>',
    'Get Outlook for Android',
    'Von meinem iPhone gesendet',
    'Gesendet von meinem Samsung Galaxy',
    'Inviato da iPhone',
    'Inviato dal mio dispositivo Android',
    'Отправлено с iPhone',
    'iPhoneから送信',
    'أرسلت من الـ iPhone الخاص بي',
    'Envoyé de mon iPhone',
    'Enviado desde mi iPhone',
    'Enviado do meu iPhone',
    'Verstuurd vanaf mijn iPhone',
    'Wysłane z iPhone',
    'Skickat från min iPhone',
    'Sendt fra min iPad',
    'Надіслано з iPhone',
    '发自我的iPhone',
  ];
  it.each(signatures)('drops "%s" at the end', (signature) => {
    expect(stripReply(`${reply}\n\n${signature}`)).toBe(reply);
  });

  it('keeps such a line in the middle of the reply', () => {
    const text = 'Sent from my office yesterday: the signed contract.\n\nPlease confirm you got it.';
    expect(stripReply(text)).toBe(text);
  });

  // Named apps in any word order, as each app writes its footer in the store's languages.
  it.each([
    'Outlook für iOS beziehen',
    'Outlook für Android [https://aka.ms/ghei36] herunterladen',
    'Ottieni Outlook per iOS',
    'Obtener Outlook para iOS',
    'Obter o Outlook para iOS',
    'Obtenir Outlook pour iOS',
    'Получить Outlook для iOS',
    'iOS 版 Outlook を入手',
    'الحصول على Outlook for iOS',
    'Inviato da Yahoo Mail su Android<https://go.onelink.me/107872968>',
    'Von Yahoo Mail auf Android gesendet',
    'Android の Yahoo メールから送信',
    'Inviato dal mio smartphone Samsung Galaxy.',
    'Galaxy スマートフォンから送信されました',
    '\u200fأُرسلت من الـ iPhone الخاص بي',
  ])('drops the app footer "%s" at the end', (footer) => {
    expect(stripReply(`${reply}\n\n${footer}`)).toBe(reply);
    expect(rulesOf(`${reply}\n\n${footer}`)).toEqual(['mobile-signature']);
  });

  it.each([
    'Can I pay the invoice from my iPhone?',
    'My iPhone got the invoice twice, so I paid the second one only after checking with the bank.',
    'I will download the invoice from Outlook tomorrow and forward it to our accountant, Maria.',
    "I can't download the PDF on my iPhone.",
    'Download the invoice from Gmail.',
    'Bitte die Rechnung für mein iPhone herunterladen.',
  ])('keeps a last sentence about an app: "%s"', (line) => {
    expect(stripReply(`${reply}\n\n${line}`)).toBe(`${reply}\n\n${line}`);
  });
});

describe('bidirectional marks', () => {
  it('are ignored when matching and kept in the reply', () => {
    const marked = '\u200fشكرًا، دفعت الفاتورة.\n\u202bسلمى\u202c';
    const attribution = '\u202bفي الاثنين، 3 فبراير 2020 في 10:00 ص تمت كتابة ما يلي بواسطة \u202aBob Stone\u202c\u200f <\u202abob@acme.test\u202c\u200f>:\u202c';
    expect(stripReply(`${marked}\n\n${attribution}\n\n> مرحبًا`)).toBe(marked);
  });

  it.each([
    ['Hebrew', '\u202bבתאריך יום ב׳, 3 בפבר׳ 2020 ב-10:00 מאת \u202aBob Stone\u202c\u200f <\u202abob@acme.test\u202c\u200f>:\u202c'],
    ['Persian', '\u202bدر تاریخ دوشنبه ۳ فوریهٔ ۲۰۲۰ ساعت ۱۰:۰۰ \u202aBob Stone\u202c\u200f <\u202abob@acme.test\u202c\u200f> نوشت:\u202c'],
    ['an isolated name', 'On Mon, Feb 3, 2020 at 10:00 AM \u2067أحمد علي\u2069 <\u2066ahmed@acme.test\u2069> wrote:'],
  ])('%s attribution in marks', (_name, attribution) => {
    expect(stripReply(withHistory(attribution))).toBe(reply);
  });
});

describe('must not strip', () => {
  it.each([
    ['an "On" sentence without a date', 'On Monday I wrote to your accounts team:\n\nthe invoice total is wrong.'],
    ['a year is not a date', 'In 2019 my accountant wrote:\n\nall invoices are due in 30 days.'],
    ['quote marks inside a sentence', 'The total is > 100 EUR -> please check.\nIt was >> 90 EUR before.'],
    ['a lone header', 'From: the accounts team\nWe have paid.'],
    ['a "wrote" sentence with an address but no colon', 'Bob <bob@acme.test> wrote the invoice on 3 Feb 2020 and it is fine.'],
    ['an attribution inside a code block', '```\nOn Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n```\nIs this line a problem?'],
    ['German text with "schrieb"', 'Am Montag schrieb ich Ihnen wegen der Rechnung.\nBitte prüfen.'],
    ['Arabic text with "كتب"', 'كتب المحاسب الفاتورة أمس.\nشكرا'],
    ['Russian text with "написал"', 'Бухгалтер написал мне вчера про счёт.\nСпасибо'],
  ])('%s', (_case, text) => {
    expect(stripReply(text)).toBe(text);
    expect(stripReplyDetailed(text).removed).toEqual([]);
  });

  it('keeps a line of spaces and formatting as written', () => {
    const text = 'Formatting\n\n    - Item #1\n    - Item #2';
    expect(stripReply(`\n\n${text}\n\n\n`)).toBe(text);
  });
});

describe('the result', () => {
  it('normalizes line endings', () => {
    expect(stripReply('Line one\r\nLine two\r\n\r\n> quote\r\n')).toBe('Line one\nLine two');
    expect(stripReply('Line one\rLine two')).toBe('Line one\nLine two');
  });

  it('is empty for an empty or blank message', () => {
    expect(stripReply('')).toBe('');
    expect(stripReply(' \n\t\n')).toBe('');
  });

  it('reports each removed part with its rule, first line and text', () => {
    const text = `${reply}\n\nSent from my iPhone\n\nOn Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n> Pay by Friday?`;
    expect(stripReplyDetailed(text)).toEqual({
      text: reply,
      removed: [
        { rule: 'mobile-signature', line: 4, text: 'Sent from my iPhone' },
        { rule: 'history-after-attribution', line: 6, text: 'On Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n> Pay by Friday?' },
      ],
    });
  });
});

describe('pathological input', () => {
  // Each must finish; 5 s is a generous bound for what takes milliseconds, so
  // a catastrophic backtrack (minutes) fails here rather than in production.
  const cases: [string, () => string][] = [
    ['20,000 lines of quote markers', () => '>\n'.repeat(20_000)],
    ['one line of 20,000 quote markers', () => `Hi\n${'> '.repeat(20_000)}x`],
    ['deeply nested quotes', () => `Hi\n${Array.from({ length: 2_000 }, (_, i) => `${'>'.repeat(i)} level ${i}`).join('\n')}`],
    ['lines of 100,000 characters', () => Array.from({ length: 20 }, (_, i) => `${'a '.repeat(50_000)}${i}`).join('\n')],
    ['a 100,000-character attribution lookalike', () => `Hi\nOn ${'Mon, 3 Feb 2020 '.repeat(6_000)} wrote:\n> x`],
    ['100,000 dashes then text', () => `Hi\n${'-'.repeat(100_000)}x\n${'_'.repeat(100_000)}`],
    ['whitespace runs', () => `Hi\n${' \t'.repeat(50_000)}:\n${'\u00a0'.repeat(100_000)}wrote`],
    ['20,000 "On … wrote:" lookalikes', () => Array.from({ length: 20_000 }, (_, i) => `On day ${i} at ${'x'.repeat(i % 300)} someone wrote:`).join('\n')],
    ['20,000 almost-attributions', () => Array.from({ length: 20_000 }, (_, i) => `On Mon, 3 Feb 2020 ${i}:00 ${'Bob <bob@acme.test'.repeat(1 + (i % 15))}`).join('\n')],
    ['20,000 header lookalikes', () => Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `To: ${i}` : `Subject: ${':'.repeat(i % 500)}`)).join('\n')],
    ['10,000 interleaved attributions', () => Array.from({ length: 10_000 }, (_, i) => `answer ${i}\nOn Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n> q ${i}`).join('\n')],
    ['20,000 interleaved questions, blank lines between', () => `On Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n${Array.from({ length: 20_000 }, (_, i) => `> q ${i}\n\n\n\nanswer ${i}`).join('\n')}`],
    ['an inline quote above 20,000 lines of history', () => `> q 1\n\nanswer\n\nOn Mon, Feb 3, 2020 at 10:00 AM Bob <bob@acme.test> wrote:\n${Array.from({ length: 20_000 }, (_, i) => `> q ${i}`).join('\n')}`],
    ['20,000 indented lines under a Yahoo attribution', () => `   On Monday, February 3, 2020, 10:00:00 AM GMT+1, Bob <bob@acme.test> wrote:\n${'  quoted\n'.repeat(20_000)}reply`],
    ['20,000 app-footer lookalikes', () => Array.from({ length: 20_000 }, (_, i) => `Get ${'Outlook '.repeat(i % 12)}for iOS ${i}`).join('\n')],
  ];
  it.each(cases)('%s', { timeout: 5_000 }, (_name, make) => {
    const result = stripReplyDetailed(make());
    expect(typeof result.text).toBe('string');
  });
});
