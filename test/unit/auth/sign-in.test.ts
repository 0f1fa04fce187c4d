import { describe, expect, it } from "vitest";
import { actorFromIdentity } from "../../../src/http/actor";
import { safeRedirectTarget } from "../../../src/http/redirect-target";
import { clientKey, retryAfterSeconds, SIGN_IN_MAX_FAILURES } from "../../../src/http/sign-in-limit";
import { newSessionId } from "../../../src/store/sessions";

describe("safeRedirectTarget", () => {
  it("keeps paths of this site, without the token", () => {
    expect(safeRedirectTarget("/")).toBe("/");
    expect(safeRedirectTarget("/units?x=1")).toBe("/units?x=1");
    expect(safeRedirectTarget("/units?token=secret&x=1")).toBe("/units?x=1");
    expect(safeRedirectTarget("/?token=secret")).toBe("/");
    expect(safeRedirectTarget("/units/%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80")).toBe(
      "/units/%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80",
    );
    expect(safeRedirectTarget("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example"); // a path, not a host
  });

  it("sends everything that a browser would read as another site to /", () => {
    for (const target of [
      "//evil.example/?token=secret",
      "///evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/.//evil.example",
      "/a/..//evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /units",
      "",
      null,
      undefined,
    ]) {
      expect(safeRedirectTarget(target), JSON.stringify(target)).toBe("/");
    }
  });
});

describe("the sign-in guess limit", () => {
  const now = 1_767_225_600;

  it("answers a client until it already holds 10 wrong guesses in the window, then makes it wait", () => {
    const window = (failures: number) => ({ windowStart: now - 10, failures });
    // The state includes this attempt: the 10th wrong guess is still answered, the 11th is not.
    expect(retryAfterSeconds(window(SIGN_IN_MAX_FAILURES), true, now)).toBe(0);
    expect(retryAfterSeconds(window(SIGN_IN_MAX_FAILURES + 1), true, now)).toBe(50);
    // A right token after 10 wrong guesses is refused as well, so a blocked guesser learns nothing.
    expect(retryAfterSeconds(window(SIGN_IN_MAX_FAILURES - 1), false, now)).toBe(0);
    expect(retryAfterSeconds(window(SIGN_IN_MAX_FAILURES), false, now)).toBe(50);
    expect(retryAfterSeconds({ windowStart: now - 59, failures: 500 }, false, now)).toBe(1);
  });

  it("tells clients apart by CF-Connecting-IP, an IPv6 client by its /64", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey(undefined)).toBe("local");
    expect(clientKey("")).toBe("local");
  });
});

describe("sessions and actors", () => {
  it("makes session ids of 32 random bytes (43 base64url characters), never twice the same", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newSessionId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("names the author by Access e-mail, else 管理令牌", () => {
    expect(actorFromIdentity({ via: "access", email: "leader@example.gov.cn" })).toEqual({
      via: "access",
      email: "leader@example.gov.cn",
      label: "leader@example.gov.cn",
    });
    expect(actorFromIdentity({ via: "session", email: null }).label).toBe("管理令牌");
    expect(actorFromIdentity({ via: "token", email: null }).label).toBe("管理令牌");
  });
});
