-- Test accounts, cars and a booking that staging always carries (the plan's seed-staging.sql),
-- loaded by `guardia mirror production staging` after the copy of production is masked.
INSERT INTO auth.users (id, email) VALUES
  ('11111111-1111-1111-1111-111111111111', 'test-owner@staging.example'),
  ('22222222-2222-2222-2222-222222222222', 'test-renter@staging.example')
ON CONFLICT (id) DO NOTHING;

INSERT INTO cars (id, owner_id, brand, model, year, daily_rate, status) VALUES
  ('car-test-001', '11111111-1111-1111-1111-111111111111', 'Toyota', 'Corolla', 2023, 5000, 'active'),
  ('car-test-002', '11111111-1111-1111-1111-111111111111', 'Honda', 'Civic', 2024, 6000, 'active')
ON CONFLICT (id) DO NOTHING;

INSERT INTO bookings (id, car_id, renter_id, start_date, end_date, total_amount, status) VALUES
  ('booking-test-001', 'car-test-001', '22222222-2222-2222-2222-222222222222', '2025-11-01', '2025-11-05', 20000, 'confirmed')
ON CONFLICT (id) DO NOTHING;
