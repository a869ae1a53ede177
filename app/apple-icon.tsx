import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

/** The home-screen icon (iOS wants a PNG): the envelope of app/icon.svg on the site's colour. */
export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#9b1c31" }}>
        <svg width="120" height="84" viewBox="0 0 40 28">
          <rect x="0" y="0" width="40" height="28" rx="3" fill="#fff" />
          <path d="M1 2l19 14 19-14" fill="none" stroke="#9b1c31" strokeWidth="4" strokeLinejoin="round" />
        </svg>
      </div>
    ),
    size,
  );
}
