/**
 * Shell and PowerShell forms that run code fetched from the network without keeping a copy: data, one
 * pattern per form. Each is precompiled once; they are tested only against hook commands.
 */

const FETCH = String.raw`(?:curl|wget|fetch|http|xh)\b`;
const SHELL = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?(?:ba|z|k|da|fi|c|tc)?sh|python[\d.]*|node|perl|ruby|php|bun|deno|pwsh|powershell`;

export const REMOTE_FETCH_PATTERNS: readonly RegExp[] = [
  // curl -fsSL https://x/install.sh | sh     wget -qO- https://x | sudo bash -s --
  new RegExp(String.raw`\b${FETCH}[^|;&\n]*\|\s*(?:${SHELL})\b`),
  // bash <(curl -fsSL https://x)     source <(wget -qO- https://x)     . <(curl ...)
  new RegExp(String.raw`(?:\b(?:${SHELL})|\bsource|(?:^|[\s;&|])\.)\s+(?:-\S+\s+)*<\(\s*${FETCH}`),
  // sh -c "$(curl -fsSL https://x)"     eval "$(curl ...)"     bash -c `wget -O- ...`
  new RegExp(String.raw`(?:\b(?:${SHELL})\s+(?:-\S+\s+)*-c|\beval)\s+["']?(?:\$\(|\x60)\s*${FETCH}`),
  // irm https://x | iex     iwr https://x | Invoke-Expression
  new RegExp(String.raw`\b(?:irm|iwr|Invoke-RestMethod|Invoke-WebRequest|curl|wget)\b[^|;\n]*\|\s*(?:iex|Invoke-Expression)\b`, 'i'),
  // iex (irm https://x)     iex (New-Object Net.WebClient).DownloadString('https://x')
  new RegExp(String.raw`\b(?:iex|Invoke-Expression)\s*\(?\s*(?:\(?\s*(?:irm|iwr|Invoke-RestMethod|Invoke-WebRequest)\b|\(?\s*New-Object\s+(?:System\.)?Net\.WebClient\))`, 'i'),
];

const URL_HOST = /\bhttps?:\/\/(?:[^@\s/"']*@)?([^/\s"':?#]+)/i;

/** The host a command downloads from, without any user:password part, for the message. */
export function downloadHost(command: string): string | undefined {
  return URL_HOST.exec(command)?.[1];
}
