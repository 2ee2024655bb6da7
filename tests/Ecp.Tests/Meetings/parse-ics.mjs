// Reads iCalendar text on stdin and prints its events as JSON, through ical.js (Mozilla's parser,
// independent of the Ical.Net that wrote it): the tests' second opinion on what ECP serves.
import ICAL from 'ical.js';

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { text += chunk; });
process.stdin.on('end', () => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map(v => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      status: v.getFirstPropertyValue('status'),
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      location: e.location,
      url: v.getFirstPropertyValue('url'),
    };
  });
  process.stdout.write(JSON.stringify({ method: calendar.getFirstPropertyValue('method'), version: calendar.getFirstPropertyValue('version'), events }));
});
