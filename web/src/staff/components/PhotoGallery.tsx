// Photo thumbnails; a click (or Enter) opens the large version in a modal dialog.

import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { Photo } from '../../common/types';

export function PhotoGallery({ photos, label, testId }: { photos: Photo[]; label: string; testId?: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open !== null && !element.open) element.showModal();
    if (open === null && element.open) element.close();
  }, [open]);

  const shown = open === null ? undefined : photos[open];
  return (
    <>
      <ul class="gallery" data-testid={testId}>
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <button
              type="button"
              class="gallery__thumb"
              aria-label={t('photos.open', { label, n: index + 1 })}
              onClick={(e) => {
                opener.current = e.currentTarget;
                setOpen(index);
              }}
            >
              <img src={photo.thumb.url} width={photo.thumb.width} height={photo.thumb.height} alt="" loading="lazy" />
            </button>
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        class="lightbox"
        aria-label={shown ? t('photos.dialog', { label, n: (open ?? 0) + 1, total: photos.length }) : undefined}
        onClose={() => {
          setOpen(null);
          opener.current?.focus();
        }}
        onClick={(e) => {
          if (e.target === dialog.current) setOpen(null);
        }}
      >
        {shown && (
          <figure class="lightbox__figure">
            <img
              src={shown.display.url}
              width={shown.display.width}
              height={shown.display.height}
              alt={t('photos.dialog', { label, n: (open ?? 0) + 1, total: photos.length })}
            />
            <figcaption class="lightbox__bar">
              {photos.length > 1 && (
                <>
                  <button type="button" class="button" disabled={open === 0} onClick={() => setOpen((open ?? 0) - 1)}>
                    {t('photos.previous')}
                  </button>
                  <span>{t('photos.position', { n: (open ?? 0) + 1, total: photos.length })}</span>
                  <button
                    type="button"
                    class="button"
                    disabled={open === photos.length - 1}
                    onClick={() => setOpen((open ?? 0) + 1)}
                  >
                    {t('photos.next')}
                  </button>
                </>
              )}
              <button type="button" class="button button--primary" onClick={() => setOpen(null)}>
                {t('dialog.close')}
              </button>
            </figcaption>
          </figure>
        )}
      </dialog>
    </>
  );
}
