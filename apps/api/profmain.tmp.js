const inspector = require('inspector'); const fs = require('fs');
const s = new inspector.Session(); s.connect();
s.post('Profiler.enable', () => s.post('Profiler.setSamplingInterval', { interval: 200 }, () => s.post('Profiler.start')));
process.on('SIGUSR2', () => s.post('Profiler.stop', (e, { profile }) => { fs.writeFileSync('/tmp/prof/api.cpuprofile', JSON.stringify(profile)); process.exit(0); }));
require.main.filename; const m = require('module'); process.argv[1] = require('path').join(__dirname, 'dist/main.js'); m.runMain();
