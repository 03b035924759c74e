// A TCP proxy between the browser and antq that can lose the network on command, as a
// phone's signal is lost: `cut()` resets every open connection and every new one until
// `restore()`. Unlike context.setOffline(), the browser (and its service worker) still
// believes it is online (navigator.onLine stays true): requests fail as they do on a
// Wi-Fi with no way out, and only what the app does about failing requests is tested.
//
//   const proxy = await netcut(server.url);  // proxy.url: the address the browser uses
//   proxy.cut(); … proxy.restore(); … await proxy.close();
import net from 'node:net';

export async function netcut(targetUrl) {
  const target = new URL(targetUrl);
  const open = new Set();
  let cut = false;

  const reset = (socket) => {
    if (!socket.destroyed) socket.resetAndDestroy();
  };

  const server = net.createServer((client) => {
    if (cut) {
      reset(client);
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const [from, to] of [[client, upstream], [upstream, client]]) {
      open.add(from);
      from.on('error', () => reset(to));
      from.on('close', () => {
        open.delete(from);
        if (!to.destroyed) to.destroy();
      });
      from.pipe(to);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  return {
    url: `${target.protocol}//127.0.0.1:${server.address().port}`,
    /** Every connection, open or new, is reset until restore(). */
    cut() {
      cut = true;
      for (const socket of open) reset(socket);
    },
    restore() {
      cut = false;
    },
    get isCut() {
      return cut;
    },
    async close() {
      this.cut();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
