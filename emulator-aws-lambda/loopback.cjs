// Preloaded into serverless-aws-lambda (node --require): it listens on every interface; the kit's
// servers bind loopback only, so a listen without a host (or with 0.0.0.0 / ::) is given 127.0.0.1.
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    const host = args[1];
    if (typeof host !== "string" || host === "0.0.0.0" || host === "::") {
      args.splice(1, typeof host === "string" ? 1 : 0, "127.0.0.1");
    }
  } else if (first && typeof first === "object" && !first.path && (!first.host || first.host === "0.0.0.0" || first.host === "::")) {
    args[0] = { ...first, host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
