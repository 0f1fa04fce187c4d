import * as z from "zod";
import zhCN from "zod/v4/locales/zh-CN.js";

/**
 * zod's own messages (a field of the wrong type, say) in Chinese: they reach the forms' senders and
 * the API's callers in the 400's details, beside the messages this code writes itself. Only this
 * locale is imported (`z.locales` would bring every language into the bundle).
 */
z.config(zhCN());
